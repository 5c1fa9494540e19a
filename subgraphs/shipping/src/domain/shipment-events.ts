import type { DomainEvent } from '@storefront/kernel';
import type { ShipmentLine } from './shipment-line';

interface ShipmentEventBase extends DomainEvent {
  orderId: string;
}

/** An admin asked for the parcel to leave: ordering is asked whether the order still stands. */
export interface ShipmentDispatchRequested extends ShipmentEventBase {
  type: 'ShipmentDispatchRequested';
}

/** The parcel left with a carrier. */
export interface ShipmentDispatched extends ShipmentEventBase {
  type: 'ShipmentDispatched';
  carrier: string;
  trackingNumber: string;
  lines: ShipmentLine[];
}

/** The carrier handed the parcel over at the customer's address. */
export interface ShipmentDelivered extends ShipmentEventBase {
  type: 'ShipmentDelivered';
}

/** The order was cancelled before the parcel left: it never will. */
export interface ShipmentCancelled extends ShipmentEventBase {
  type: 'ShipmentCancelled';
}

export type ShipmentEvent = ShipmentDispatchRequested | ShipmentDispatched | ShipmentDelivered | ShipmentCancelled;
