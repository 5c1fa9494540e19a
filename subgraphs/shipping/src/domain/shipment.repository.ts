import type { AggregateStore } from '@storefront/kernel';
import type { Shipment } from './shipment.aggregate';

/**
 * Stores shipments, one per order, within one transaction, keyed by order id. `lockFor` holds the
 * order's lock until the transaction ends, so everything that happens to one order's shipment
 * happens one at a time, even before the shipment exists. `save` and `add` publish what the
 * shipment recorded, with the change.
 */
export interface ShipmentRepository extends AggregateStore<Shipment> {
  add(shipment: Shipment): Promise<void>;
}

/** Orders cancelled before shipping heard they were confirmed: no shipment is ever made for them. */
export interface CancelledOrders {
  has(orderId: string): Promise<boolean>;
  /** Records the cancellation; recording it twice changes nothing. */
  record(orderId: string, at: Date): Promise<void>;
}

/** Hands out tracking numbers: unique, and saying which carrier they belong to. */
export interface TrackingNumbers {
  next(carrier: string): string;
}
