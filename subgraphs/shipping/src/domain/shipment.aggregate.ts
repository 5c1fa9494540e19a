import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import type { ShipmentEvent } from './shipment-events';
import type { ShipmentLine } from './shipment-line';

export type { ShipmentLine };

export type ShipmentStatus = 'PENDING' | 'DISPATCHED' | 'DELIVERED' | 'CANCELLED';

/** Where the parcel goes, as the customer gave it when ordering. */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface ShipmentState {
  id: string;
  orderId: string;
  /** Who ordered: the one customer allowed to follow the shipment. */
  customerId: string;
  status: ShipmentStatus;
  address: ShippingAddress;
  lines: ShipmentLine[];
  carrier: string | null;
  trackingNumber: string | null;
  dispatchedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
}

export type NewShipment = Pick<ShipmentState, 'id' | 'orderId' | 'customerId' | 'address' | 'lines'>;

/**
 * Shipping's Order: one confirmed order's parcel. It moves only forward: PENDING to DISPATCHED to
 * DELIVERED, or PENDING to CANCELLED when the order is cancelled before the parcel leaves.
 */
export class Shipment extends AggregateRoot<ShipmentEvent> {
  private constructor(private state: ShipmentState) {
    super();
  }

  /** A confirmed order's shipment, waiting to be packed and handed to a carrier. */
  static prepare(shipment: NewShipment): Shipment {
    return new Shipment({ ...shipment, status: 'PENDING', carrier: null, trackingNumber: null, dispatchedAt: null, deliveredAt: null, cancelledAt: null });
  }

  /** Rebuilds a shipment from storage; no rule runs and no event is recorded. */
  static restore(state: ShipmentState): Shipment {
    return new Shipment({ ...state });
  }

  get status(): ShipmentStatus {
    return this.state.status;
  }

  get address(): Readonly<ShippingAddress> {
    return this.state.address;
  }

  get lines(): readonly ShipmentLine[] {
    return this.state.lines;
  }

  snapshot(): Readonly<ShipmentState> {
    return { ...this.state };
  }

  /** Only a pending shipment can leave: once, and never after its order was cancelled. */
  checkDispatchable(): Result<void> {
    if (this.state.status === 'PENDING') return ok(undefined);
    return fail('NOT_DISPATCHABLE', `The shipment of order ${this.state.orderId} is ${this.state.status}: only a PENDING shipment can be dispatched.`, 'orderId');
  }

  /** Hands the parcel to a carrier under a tracking number. */
  dispatch(carrier: string, trackingNumber: string, now: Date): Result<void> {
    const dispatchable = this.checkDispatchable();
    if (!dispatchable.ok) return dispatchable;
    this.state = { ...this.state, status: 'DISPATCHED', carrier, trackingNumber, dispatchedAt: now };
    this.record({ type: 'ShipmentDispatched', ...this.about(now), carrier, trackingNumber, lines: [...this.state.lines] });
    return ok(undefined);
  }

  /** The carrier delivered it; only a dispatched shipment can be, and only once. */
  confirmDelivery(now: Date): Result<void> {
    if (this.state.status !== 'DISPATCHED') {
      return fail('NOT_DELIVERABLE', `The shipment of order ${this.state.orderId} is ${this.state.status}: only a DISPATCHED shipment can be delivered.`, 'orderId');
    }
    this.state = { ...this.state, status: 'DELIVERED', deliveredAt: now };
    this.record({ type: 'ShipmentDelivered', ...this.about(now) });
    return ok(undefined);
  }

  /**
   * The order was cancelled: a pending shipment will never leave. One that left already, or was
   * cancelled before, stays as it is (a late cancellation never moves a shipment backwards).
   */
  cancel(now: Date): void {
    if (this.state.status !== 'PENDING') return;
    this.state = { ...this.state, status: 'CANCELLED', cancelledAt: now };
    this.record({ type: 'ShipmentCancelled', ...this.about(now) });
  }

  private about(now: Date) {
    return { aggregateId: this.state.id, occurredAt: now, orderId: this.state.orderId };
  }
}
