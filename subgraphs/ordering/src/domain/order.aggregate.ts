import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import type { Money } from './money.value-object';
import { linesOnly, type OrderCharges } from './order-charges';
import type { OrderEvent } from './order-events';
import { priceLines, type OrderLine } from './order-line';
import type { CheckedOrderRequest } from './order-request';
import { isWaiting, timedOut, deadlineOf, type SagaDeadlines } from './order-deadlines';
import { decide, type SagaOutcome, type SagaStep } from './order-saga';
import { promotionUnavailable, stockUnavailable, type RefusedLine } from './order-rejection';
import { CANCELLABLE, CUSTOMER_CANCELLED, type CancellationReason, type OrderStatus, type StatusReason } from './order-status';
import type { PricedProduct } from './priced-product';
import type { ShippingAddress } from './shipping-address.value-object';

export type { RefusedLine } from './order-rejection';

export interface Shipment {
  carrier: string;
  trackingNumber: string;
}

export interface OrderState {
  id: string;
  customerId: string;
  idempotencyKey: string;
  status: OrderStatus;
  lines: readonly OrderLine[];
  /** subtotal - discount + shipping + tax (see charges), never below zero. */
  total: Money;
  charges: OrderCharges;
  /** Whether the promotions it applied still wait to be redeemed before it can be confirmed. */
  awaitingRedemption: boolean;
  contactEmail: string;
  shippingAddress: ShippingAddress;
  /** Why the order was rejected or cancelled; null while it goes ahead. */
  statusReason: StatusReason | null;
  /** When the order entered its status: a waiting status's deadline counts from here. */
  statusSince: Date;
  /**
   * Ordering agreed to shipping's request to dispatch the confirmed order: from then on the parcel
   * leaves, and the customer can no longer cancel.
   */
  releasedForDispatch: boolean;
  shipment: Shipment | null;
  placedAt: Date;
  version: number;
}

/** A checked-out cart: lines and charges priced by the cart, the address and payment checked. */
export interface CheckOut {
  id: string;
  customerId: string;
  idempotencyKey: string;
  lines: readonly OrderLine[];
  charges: OrderCharges;
  total: Money;
  contactEmail: string;
  shippingAddress: ShippingAddress;
  paymentToken: string;
  now: Date;
}

export interface PlaceOrder {
  id: string;
  customerId: string;
  request: CheckedOrderRequest;
  /** The price list's entries for the products asked for. */
  priceList: readonly PricedProduct[];
  now: Date;
}

/**
 * A customer's order: lines priced when it was placed, the charges that make up its total, and a
 * status that only moves forward through the saga (see order-saga.ts). Every change records an event.
 */
export class Order extends AggregateRoot<OrderEvent> {
  private constructor(private state: OrderState) {
    super();
  }

  static place({ id, customerId, request, priceList, now }: PlaceOrder): Result<Order> {
    const priced = priceLines(request.lines, priceList);
    if (!priced.ok) return priced;
    const order = new Order({
      id,
      customerId,
      idempotencyKey: request.idempotencyKey,
      status: 'PLACED',
      lines: priced.value.lines,
      total: priced.value.total,
      charges: linesOnly(priced.value.total),
      awaitingRedemption: false,
      contactEmail: request.contactEmail,
      shippingAddress: request.shippingAddress,
      statusReason: null,
      statusSince: now,
      releasedForDispatch: false,
      shipment: null,
      placedAt: now,
      version: 0,
    });
    order.record({ type: 'OrderPlaced', aggregateId: id, occurredAt: now, paymentToken: request.paymentToken });
    return ok(order);
  }

  /** The order a checked-out cart becomes; with promotions applied, it waits for their redemption too. */
  static checkOut({ paymentToken, now, ...order }: CheckOut): Order {
    const placed = new Order({
      ...order,
      lines: [...order.lines],
      status: 'PLACED',
      awaitingRedemption: order.charges.appliedPromotions.length > 0,
      statusReason: null,
      statusSince: now,
      releasedForDispatch: false,
      shipment: null,
      placedAt: now,
      version: 0,
    });
    placed.record({ type: 'OrderPlaced', aggregateId: order.id, occurredAt: now, paymentToken });
    return placed;
  }

  /** Rebuilds an order from storage; no rule runs and no event is recorded. */
  static restore(state: OrderState): Order {
    return new Order({ ...state, lines: [...state.lines] });
  }

  get id(): string {
    return this.state.id;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  snapshot(): Readonly<OrderState> {
    return { ...this.state };
  }

  belongsTo(customerId: string): boolean {
    return this.state.customerId === customerId;
  }

  noteStockReserved(now: Date): SagaOutcome {
    return this.advance('stockReserved', now, () => this.record({ type: 'OrderAwaitingPayment', ...this.about(now) }));
  }

  noteStockRefused(refused: readonly RefusedLine[], now: Date): SagaOutcome {
    return this.advance('stockRefused', now, () => {
      const reason = stockUnavailable(refused, this.state.lines);
      this.state = { ...this.state, statusReason: reason };
      this.record({ type: 'OrderRejected', ...this.about(now), reason });
    });
  }

  notePaymentAuthorized(now: Date): SagaOutcome {
    return this.advance('paymentAuthorized', now, () => this.recordProgress(now));
  }

  notePromotionsRedeemed(now: Date): SagaOutcome {
    return this.advance('promotionsRedeemed', now, () =>
      this.state.status === 'CONFIRMED' ? this.recordProgress(now) : this.record({ type: 'OrderPromotionsRedeemed', ...this.about(now) }),
    );
  }

  noteRedemptionRefused(code: string | null, reason: string, now: Date): SagaOutcome {
    return this.advance('redemptionRefused', now, () => {
      const refusal = promotionUnavailable(code, reason);
      this.state = { ...this.state, statusReason: refusal };
      this.record({ type: 'OrderRejected', ...this.about(now), reason: refusal });
    });
  }

  notePaymentDeclined(providerMessage: string, now: Date): SagaOutcome {
    return this.advance('paymentDeclined', now, () => this.close({ code: 'PAYMENT_DECLINED', message: `The payment was declined: ${providerMessage}` }, now));
  }

  noteDispatched(shipment: Shipment, now: Date): SagaOutcome {
    return this.advance('dispatched', now, () => {
      this.state = { ...this.state, shipment: { ...shipment } };
      this.record({ type: 'OrderShipped', ...this.about(now), ...shipment });
    });
  }

  noteDelivered(now: Date): SagaOutcome {
    return this.advance('delivered', now, () => this.record({ type: 'OrderDelivered', ...this.about(now) }));
  }

  /**
   * Shipping asks to dispatch the order. Ordering agrees only while the order is confirmed and
   * still stands; once agreed, the customer can no longer cancel it, so a cancellation and a
   * dispatch can never both happen. A cancelled order is not answered: its cancellation, already
   * on its way to shipping, cancels the shipment.
   */
  releaseForDispatch(now: Date): SagaOutcome {
    const { status, releasedForDispatch } = this.state;
    if (status === 'PLACED' || status === 'AWAITING_PAYMENT' || status === 'AWAITING_PROMOTIONS') return 'too-early';
    if (status !== 'CONFIRMED' || releasedForDispatch) return 'unchanged';
    this.state = { ...this.state, releasedForDispatch: true };
    this.record({ type: 'OrderReleasedForDispatch', ...this.about(now) });
    return 'moved';
  }

  /**
   * The customer changes their mind: possible until ordering agreed to the parcel's dispatch. Asked
   * again (a retry whose answer was lost), an order the customer already cancelled stays as it is
   * and the answer is the same: 'already cancelled', with nothing recorded.
   */
  cancel(now: Date): Result<'cancelled' | 'already cancelled'> {
    if (this.state.status === 'CANCELLED' && this.state.statusReason?.code === CUSTOMER_CANCELLED.code) return ok('already cancelled');
    if (!CANCELLABLE.includes(this.state.status)) {
      return fail('NOT_CANCELLABLE', `The order is ${this.state.status.toLowerCase().replace('_', ' ')} and can no longer be cancelled.`);
    }
    if (this.state.releasedForDispatch) return fail('NOT_CANCELLABLE', 'The order is being dispatched and can no longer be cancelled.');
    this.moveTo('CANCELLED', now);
    this.close(CUSTOMER_CANCELLED, now);
    return ok('cancelled');
  }

  /** When the order stops waiting for another context's answer; null when it waits for nobody. */
  deadline(deadlines: SagaDeadlines): Date | null {
    return deadlineOf(this.state.status, this.state.statusSince, deadlines);
  }

  /**
   * The order waited in its status past its deadline: it is cancelled, which releases its stock,
   * voids its payment (also one authorized after this) and gives back its promotions. An order
   * that moved on meanwhile, or whose deadline is still ahead, is left as it is.
   */
  expire(deadlines: SagaDeadlines, now: Date): SagaOutcome {
    const { status } = this.state;
    const deadline = this.deadline(deadlines);
    if (!isWaiting(status) || deadline === null || deadline > now) return 'unchanged';
    this.moveTo('CANCELLED', now);
    this.close(timedOut(status, deadlines), now);
    return 'moved';
  }

  private advance(step: SagaStep, now: Date, effect: () => void): SagaOutcome {
    const decision = decide({ status: this.state.status, awaitingRedemption: this.state.awaitingRedemption }, step);
    if (decision.outcome !== 'moved') return decision.outcome;
    const { status, ...rest } = decision.to;
    this.state = { ...this.state, ...rest };
    this.moveTo(status, now);
    effect();
    return 'moved';
  }

  /** Confirmed, or waiting for the promotions after the payment was authorized. */
  private recordProgress(now: Date): void {
    this.record({ type: this.state.status === 'CONFIRMED' ? 'OrderConfirmed' : 'OrderAwaitingPromotions', ...this.about(now) });
  }

  private moveTo(status: OrderStatus, now: Date): void {
    if (status !== this.state.status) this.state = { ...this.state, status, statusSince: now };
  }

  private close(reason: CancellationReason, now: Date): void {
    this.state = { ...this.state, statusReason: reason };
    this.record({ type: 'OrderCancelled', ...this.about(now), reason });
  }

  private about(now: Date) {
    return { aggregateId: this.state.id, occurredAt: now };
  }
}
