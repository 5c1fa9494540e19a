import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import type { ShipmentEvent } from './shipment-events';
import type { ShipmentLine } from './shipment-line';

export type { ShipmentLine };

export type ShipmentStatus = 'PENDING' | 'DISPATCH_REQUESTED' | 'DISPATCHED' | 'DELIVERED' | 'CANCELLED';

/** What ordering's agreement does: the parcel `moved` out; `unchanged` (heard again); `too-early` (no request yet: retry). */
export type DispatchOutcome = 'moved' | 'unchanged' | 'too-early';

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
 * Shipping's Order: one confirmed order's parcel. It moves only forward: PENDING to
 * DISPATCH_REQUESTED (an admin asked, a carrier is chosen) to DISPATCHED (ordering agreed the order
 * still stands) to DELIVERED; or to CANCELLED when the order is cancelled before ordering agreed.
 * The customer cancels in ordering and the admin dispatches here: ordering's agreement is what
 * decides which of the two comes first, so a cancelled order's parcel never leaves.
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

  /**
   * Whether the shipment can be asked to leave: `pending`, not asked yet; or `asked` already and
   * waiting for ordering or gone, when asking again (a client whose first answer was lost) changes
   * nothing and is answered with the shipment as it is, its carrier and tracking number unchanged.
   * Never once its order was cancelled, nor once delivered.
   */
  checkDispatchable(): Result<'pending' | 'asked'> {
    const { status } = this.state;
    if (status === 'PENDING') return ok('pending');
    if (status === 'DISPATCH_REQUESTED' || status === 'DISPATCHED') return ok('asked');
    return this.notDispatchable();
  }

  /**
   * The parcel is labelled for a carrier under a tracking number, and ordering is asked whether the
   * order still stands; it leaves when ordering agrees (`dispatch`). Once only: a label is never replaced.
   */
  requestDispatch(carrier: string, trackingNumber: string, now: Date): Result<void> {
    if (this.state.status !== 'PENDING') return this.notDispatchable();
    this.state = { ...this.state, status: 'DISPATCH_REQUESTED', carrier, trackingNumber };
    this.record({ type: 'ShipmentDispatchRequested', ...this.about(now) });
    return ok(undefined);
  }

  /**
   * Ordering agreed: the parcel leaves with the carrier chosen when it was requested. Heard again,
   * or after it left, nothing changes; heard before the request was made, it must wait for it.
   */
  dispatch(now: Date): DispatchOutcome {
    const { status, carrier, trackingNumber } = this.state;
    if (status === 'PENDING') return 'too-early';
    if (status !== 'DISPATCH_REQUESTED' || carrier === null || trackingNumber === null) return 'unchanged';
    this.state = { ...this.state, status: 'DISPATCHED', dispatchedAt: now };
    this.record({ type: 'ShipmentDispatched', ...this.about(now), carrier, trackingNumber, lines: [...this.state.lines] });
    return 'moved';
  }

  /**
   * The carrier delivered it; only a dispatched shipment can be, and only once: confirming a
   * delivered one again (a client whose first answer was lost) changes nothing and succeeds.
   */
  confirmDelivery(now: Date): Result<void> {
    if (this.state.status === 'DELIVERED') return ok(undefined);
    if (this.state.status !== 'DISPATCHED') {
      return fail('NOT_DELIVERABLE', `The shipment of order ${this.state.orderId} is ${this.state.status}: only a DISPATCHED shipment can be delivered.`, 'orderId');
    }
    this.state = { ...this.state, status: 'DELIVERED', deliveredAt: now };
    this.record({ type: 'ShipmentDelivered', ...this.about(now) });
    return ok(undefined);
  }

  /**
   * The order was cancelled: a shipment that has not left (pending, or waiting for ordering's
   * agreement, which a cancelled order never gives) never will. One that left already, or was
   * cancelled before, stays as it is (a late cancellation never moves a shipment backwards).
   */
  cancel(now: Date): void {
    if (this.state.status !== 'PENDING' && this.state.status !== 'DISPATCH_REQUESTED') return;
    this.state = { ...this.state, status: 'CANCELLED', cancelledAt: now };
    this.record({ type: 'ShipmentCancelled', ...this.about(now) });
  }

  private notDispatchable(): Result<never> {
    return fail('NOT_DISPATCHABLE', `The shipment of order ${this.state.orderId} is ${this.state.status}: only a PENDING shipment can be dispatched.`, 'orderId');
  }

  private about(now: Date) {
    return { aggregateId: this.state.id, occurredAt: now, orderId: this.state.orderId };
  }
}
