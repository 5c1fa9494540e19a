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
  dispatched: (order) => order.noteDispatched({ carrier: 'DHL', trackingNumber: 'JD0001' }, now),
  delivered: (order) => order.noteDelivered(now),
};

/** Every status an order can be in, and what each step does to it: the saga's whole table. */
const TABLE: Record<SagaStep, Partial<Record<OrderStatus, OrderStatus | 'too-early'>>> = {
  stockReserved: { PLACED: 'AWAITING_PAYMENT' },
  stockRefused: { PLACED: 'REJECTED' },
  paymentAuthorized: { PLACED: 'CONFIRMED', AWAITING_PAYMENT: 'CONFIRMED' },
  paymentDeclined: { PLACED: 'CANCELLED', AWAITING_PAYMENT: 'CANCELLED' },
  dispatched: { PLACED: 'too-early', AWAITING_PAYMENT: 'too-early', CONFIRMED: 'SHIPPED' },
  delivered: { PLACED: 'too-early', AWAITING_PAYMENT: 'too-early', CONFIRMED: 'too-early', SHIPPED: 'DELIVERED' },
};

const EVENT_OF: Partial<Record<OrderStatus, string>> = {
  AWAITING_PAYMENT: 'OrderAwaitingPayment',
  CONFIRMED: 'OrderConfirmed',
  REJECTED: 'OrderRejected',
  CANCELLED: 'OrderCancelled',
  SHIPPED: 'OrderShipped',
  DELIVERED: 'OrderDelivered',
};

const cases = (Object.keys(TABLE) as SagaStep[]).flatMap((step) => ORDER_STATUSES.map((from) => [step, from, TABLE[step][from] ?? 'unchanged'] as const));

describe('the order saga', () => {
  it.each(cases)('%s on a %s order: %s', (step, from, expected) => {
    const order = aStoredOrder(from);
    const outcome = apply[step](order);
    const events = order.pullEvents();
    if (expected === 'too-early' || expected === 'unchanged') {
      expect(outcome).toBe(expected);
      expect(order.status).toBe(from);
      expect(events).toEqual([]);
      return;
    }
    expect(outcome).toBe('moved');
    expect(order.status).toBe(expected);
    expect(events).toEqual([expect.objectContaining({ type: EVENT_OF[expected], aggregateId: order.id, occurredAt: now })]);
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
  it.each(['PLACED', 'AWAITING_PAYMENT', 'CONFIRMED'] as const)('cancels a %s order with CUSTOMER_CANCELLED', (from) => {
    const order = aStoredOrder(from);
    expect(order.cancel(now)).toEqual({ ok: true, value: undefined });
    const reason = { code: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' };
    expect(order.snapshot()).toMatchObject({ status: 'CANCELLED', statusReason: reason });
    expect(order.pullEvents()).toEqual([{ type: 'OrderCancelled', aggregateId: order.id, occurredAt: now, reason }]);
    // Whatever the saga says after that changes nothing.
    for (const step of Object.keys(apply) as SagaStep[]) expect(apply[step](order)).toBe('unchanged');
    expect(order.status).toBe('CANCELLED');
  });

  it.each(['SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'] as const)('refuses to cancel a %s order', (from) => {
    const order = aStoredOrder(from);
    expect(order.cancel(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_CANCELLABLE' }) });
    expect(order.status).toBe(from);
    expect(order.pullEvents()).toEqual([]);
  });
});
