import type { Order, RefusedLine } from './order.aggregate';
import type { SagaOutcome, SagaStep } from './order-saga';
import { ORDER_STATUSES, type OrderStatus } from './order-status';
import { MUG, TEAPOT, aStoredOrder, now } from './order.test-builders';

const refused: RefusedLine[] = [
  { productId: MUG, requested: 2, available: 1, reason: 'INSUFFICIENT_STOCK' },
  { productId: TEAPOT, requested: 1, available: 0, reason: 'UNKNOWN_PRODUCT' },
];

const apply: Record<SagaStep, (order: Order) => SagaOutcome> = {
  stockReserved: (order) => order.noteStockReserved(now),
  stockRefused: (order) => order.noteStockRefused(refused, now),
  paymentAuthorized: (order) => order.notePaymentAuthorized(now),
  paymentDeclined: (order) => order.notePaymentDeclined('Card expired', now),
  promotionsRedeemed: (order) => order.notePromotionsRedeemed(now),
  redemptionRefused: (order) => order.noteRedemptionRefused('WELCOME5', 'Used up', now),
  dispatched: (order) => order.noteDispatched({ carrier: 'DHL', trackingNumber: 'JD0001' }, now),
  delivered: (order) => order.noteDelivered(now),
};

/**
 * Every place an order can be in the saga: each status without promotions to redeem, and, marked
 * `+promotions`, each status an order can have while its promotions still wait to be redeemed.
 */
type Position = OrderStatus | `${OrderStatus}+promotions`;
const POSITIONS: Position[] = [
  ...ORDER_STATUSES.filter((status) => status !== 'AWAITING_PROMOTIONS'),
  ...(['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS', 'REJECTED', 'CANCELLED'] as const).map((status) => `${status}+promotions` as const),
];

const orderAt = (position: Position): Order => {
  const [status, promotions] = position.split('+') as [OrderStatus, string | undefined];
  return aStoredOrder(status, { awaitingRedemption: promotions !== undefined });
};

/** What each step does from each position: the saga's whole table. Anything not listed is unchanged. */
const TABLE: Record<SagaStep, Partial<Record<Position, Position | 'too-early'>>> = {
  stockReserved: { PLACED: 'AWAITING_PAYMENT', 'PLACED+promotions': 'AWAITING_PAYMENT+promotions' },
  stockRefused: { PLACED: 'REJECTED', 'PLACED+promotions': 'REJECTED+promotions' },
  paymentAuthorized: {
    PLACED: 'CONFIRMED',
    AWAITING_PAYMENT: 'CONFIRMED',
    'PLACED+promotions': 'AWAITING_PROMOTIONS+promotions',
    'AWAITING_PAYMENT+promotions': 'AWAITING_PROMOTIONS+promotions',
  },
  paymentDeclined: { PLACED: 'CANCELLED', AWAITING_PAYMENT: 'CANCELLED', 'PLACED+promotions': 'CANCELLED+promotions', 'AWAITING_PAYMENT+promotions': 'CANCELLED+promotions' },
  promotionsRedeemed: { 'PLACED+promotions': 'PLACED', 'AWAITING_PAYMENT+promotions': 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS+promotions': 'CONFIRMED' },
  redemptionRefused: { 'PLACED+promotions': 'REJECTED', 'AWAITING_PAYMENT+promotions': 'REJECTED', 'AWAITING_PROMOTIONS+promotions': 'REJECTED' },
  dispatched: {
    PLACED: 'too-early',
    AWAITING_PAYMENT: 'too-early',
    'PLACED+promotions': 'too-early',
    'AWAITING_PAYMENT+promotions': 'too-early',
    'AWAITING_PROMOTIONS+promotions': 'too-early',
    CONFIRMED: 'SHIPPED',
  },
  delivered: {
    PLACED: 'too-early',
    AWAITING_PAYMENT: 'too-early',
    'PLACED+promotions': 'too-early',
    'AWAITING_PAYMENT+promotions': 'too-early',
    'AWAITING_PROMOTIONS+promotions': 'too-early',
    CONFIRMED: 'too-early',
    SHIPPED: 'DELIVERED',
  },
};

/** The event a move records, by where it leads (a move that only clears the wait for promotions records OrderPromotionsRedeemed). */
const EVENT_OF: Partial<Record<Position, string>> = {
  AWAITING_PAYMENT: 'OrderAwaitingPayment',
  'AWAITING_PAYMENT+promotions': 'OrderAwaitingPayment',
  'AWAITING_PROMOTIONS+promotions': 'OrderAwaitingPromotions',
  CONFIRMED: 'OrderConfirmed',
  REJECTED: 'OrderRejected',
  'REJECTED+promotions': 'OrderRejected',
  CANCELLED: 'OrderCancelled',
  'CANCELLED+promotions': 'OrderCancelled',
  SHIPPED: 'OrderShipped',
  DELIVERED: 'OrderDelivered',
};

const positionOf = (order: Order): Position => {
  const { status, awaitingRedemption } = order.snapshot();
  return awaitingRedemption ? `${status}+promotions` : status;
};

const cases = (Object.keys(TABLE) as SagaStep[]).flatMap((step) => POSITIONS.map((from) => [step, from, TABLE[step][from] ?? 'unchanged'] as const));

describe('the order saga', () => {
  it.each(cases)('%s on a %s order: %s', (step, from, expected) => {
    const order = orderAt(from);
    const outcome = apply[step](order);
    const events = order.pullEvents();
    if (expected === 'too-early' || expected === 'unchanged') {
      expect(outcome).toBe(expected);
      expect(positionOf(order)).toBe(from);
      expect(events).toEqual([]);
      return;
    }
    expect(outcome).toBe('moved');
    expect(positionOf(order)).toBe(expected);
    const event = step === 'promotionsRedeemed' && expected !== 'CONFIRMED' ? 'OrderPromotionsRedeemed' : EVENT_OF[expected];
    expect(events).toEqual([expect.objectContaining({ type: event, aggregateId: order.id, occurredAt: now })]);
  });

  it('goes all the way, and a repeat of any step on the way has no second effect', () => {
    const order = aStoredOrder('PLACED');
    for (const step of ['stockReserved', 'paymentAuthorized', 'dispatched', 'delivered'] as const) {
      expect(apply[step](order)).toBe('moved');
      expect(apply[step](order)).toBe('unchanged');
    }
    expect(order.status).toBe('DELIVERED');
    expect(order.pullEvents().map((event) => event.type)).toEqual(['OrderAwaitingPayment', 'OrderConfirmed', 'OrderShipped', 'OrderDelivered']);
  });

  it('confirms on an authorization that overtook the reservation, and the late reservation changes nothing', () => {
    const order = aStoredOrder('PLACED');
    expect(order.notePaymentAuthorized(now)).toBe('moved');
    expect(order.noteStockReserved(now)).toBe('unchanged');
    expect(order.status).toBe('CONFIRMED');
  });

  it('says in the rejection which lines inventory refused, by the names the order keeps', () => {
    const order = aStoredOrder('PLACED');
    order.noteStockRefused(refused, now);
    const reason = { code: 'STOCK_UNAVAILABLE', message: 'Not enough stock: Enamel mug: 2 ordered, 1 available; Teapot is not stocked.' };
    expect(order.snapshot().statusReason).toEqual(reason);
    expect(order.pullEvents()).toEqual([expect.objectContaining({ type: 'OrderRejected', reason })]);
  });

  it('confirms an order with promotions only once stock, payment and redemption are all in, in any order', () => {
    const redeemedFirst = aStoredOrder('PLACED', { awaitingRedemption: true });
    for (const step of ['promotionsRedeemed', 'stockReserved', 'paymentAuthorized'] as const) apply[step](redeemedFirst);
    const redeemedLast = aStoredOrder('PLACED', { awaitingRedemption: true });
    for (const step of ['stockReserved', 'paymentAuthorized', 'promotionsRedeemed'] as const) apply[step](redeemedLast);
    expect([redeemedFirst.status, redeemedLast.status]).toEqual(['CONFIRMED', 'CONFIRMED']);
    expect(redeemedLast.pullEvents().map((event) => event.type)).toEqual(['OrderAwaitingPayment', 'OrderAwaitingPromotions', 'OrderConfirmed']);
  });

  it('rejects with PROMOTION_UNAVAILABLE, naming the coupon, when promotions refuse the redemption', () => {
    const order = aStoredOrder('AWAITING_PROMOTIONS', { awaitingRedemption: true });
    order.noteRedemptionRefused('WELCOME5', 'It has been used up.', now);
    const reason = { code: 'PROMOTION_UNAVAILABLE', message: 'The order could not use the coupon WELCOME5: It has been used up.' };
    expect(order.snapshot()).toMatchObject({ status: 'REJECTED', statusReason: reason });
    expect(order.pullEvents()).toEqual([expect.objectContaining({ type: 'OrderRejected', reason })]);
  });

  it('cancels with PAYMENT_DECLINED and the provider’s message when the payment fails', () => {
    const order = aStoredOrder('AWAITING_PAYMENT');
    order.notePaymentDeclined('Card expired', now);
    const reason = { code: 'PAYMENT_DECLINED', message: 'The payment was declined: Card expired' };
    expect(order.snapshot().statusReason).toEqual(reason);
    expect(order.pullEvents()).toEqual([expect.objectContaining({ type: 'OrderCancelled', reason })]);
  });

  it('keeps the carrier and tracking number of the dispatch', () => {
    const order = aStoredOrder('CONFIRMED');
    order.noteDispatched({ carrier: 'DHL', trackingNumber: 'JD0001' }, now);
    expect(order.snapshot().shipment).toEqual({ carrier: 'DHL', trackingNumber: 'JD0001' });
    expect(order.pullEvents()).toEqual([expect.objectContaining({ type: 'OrderShipped', carrier: 'DHL', trackingNumber: 'JD0001' })]);
  });
});

describe('the customer cancelling', () => {
  it.each(['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS', 'CONFIRMED'] as const)('cancels a %s order with CUSTOMER_CANCELLED', (from) => {
    const order = aStoredOrder(from);
    expect(order.cancel(now)).toEqual({ ok: true, value: 'cancelled' });
    const reason = { code: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' };
    expect(order.snapshot()).toMatchObject({ status: 'CANCELLED', statusReason: reason });
    expect(order.pullEvents()).toEqual([{ type: 'OrderCancelled', aggregateId: order.id, occurredAt: now, reason }]);
    // Whatever the saga says after that changes nothing.
    for (const step of Object.keys(apply) as SagaStep[]) expect(apply[step](order)).toBe('unchanged');
    expect(order.status).toBe('CANCELLED');
  });

  it('answers a second cancellation by the customer as the first, recording nothing more', () => {
    const order = aStoredOrder('CONFIRMED');
    expect(order.cancel(now)).toEqual({ ok: true, value: 'cancelled' });
    order.pullEvents();
    expect(order.cancel(new Date(now.getTime() + 1_000))).toEqual({ ok: true, value: 'already cancelled' });
    expect(order.pullEvents()).toEqual([]);
    expect(order.snapshot()).toMatchObject({ status: 'CANCELLED', statusReason: { code: 'CUSTOMER_CANCELLED' } });
  });

  it('refuses to cancel an order the saga cancelled (its payment declined), recording nothing', () => {
    const order = aStoredOrder('AWAITING_PAYMENT');
    order.notePaymentDeclined('Card expired', now);
    order.pullEvents();
    expect(order.cancel(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_CANCELLABLE' }) });
    expect(order.snapshot().statusReason).toMatchObject({ code: 'PAYMENT_DECLINED' });
    expect(order.pullEvents()).toEqual([]);
  });

  it.each(['SHIPPED', 'DELIVERED', 'REJECTED'] as const)('refuses to cancel a %s order', (from) => {
    const order = aStoredOrder(from);
    expect(order.cancel(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_CANCELLABLE' }) });
    expect(order.status).toBe(from);
    expect(order.pullEvents()).toEqual([]);
  });
});
