import type { SagaDeadlines } from './order-deadlines';
import { aStoredOrder, now } from './order.test-builders';
import type { OrderStatus } from './order-status';

const deadlines: SagaDeadlines = { PLACED: 15 * 60_000, AWAITING_PAYMENT: 30 * 60_000, AWAITING_PROMOTIONS: 90_000 };
const later = (ms: number) => new Date(now.getTime() + ms);

describe('an order waiting for another context', () => {
  it.each([
    ['PLACED', 15 * 60_000, 'STOCK_TIMED_OUT', 'The stock could not be reserved within 15 minutes.'],
    ['AWAITING_PAYMENT', 30 * 60_000, 'PAYMENT_TIMED_OUT', 'The payment could not be authorized within 30 minutes.'],
    ['AWAITING_PROMOTIONS', 90_000, 'PROMOTIONS_TIMED_OUT', 'The promotions it applied could not be confirmed within 90 seconds.'],
  ] as const)('in %s is cancelled once its deadline has passed, saying what it waited for', (status, deadline, code, message) => {
    const order = aStoredOrder(status, { statusSince: now });
    expect(order.deadline(deadlines)).toEqual(later(deadline));
    expect(order.expire(deadlines, later(deadline - 1))).toBe('unchanged');
    expect(order.pullEvents()).toEqual([]);

    expect(order.expire(deadlines, later(deadline))).toBe('moved');
    expect(order.snapshot()).toMatchObject({ status: 'CANCELLED', statusReason: { code, message }, statusSince: later(deadline) });
    expect(order.pullEvents()).toEqual([{ type: 'OrderCancelled', aggregateId: order.id, occurredAt: later(deadline), reason: { code, message } }]);
    expect(order.expire(deadlines, later(2 * deadline))).toBe('unchanged');
  });

  it.each(['CONFIRMED', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'] as OrderStatus[])('in %s waits on nobody: no deadline, never expired', (status) => {
    const order = aStoredOrder(status, { statusSince: now });
    expect(order.deadline(deadlines)).toBeNull();
    expect(order.expire(deadlines, later(365 * 24 * 3_600_000))).toBe('unchanged');
    expect(order.status).toBe(status);
  });

  it('counts the deadline from when it entered its status, not from when it was placed', () => {
    const order = aStoredOrder('PLACED', { statusSince: now });
    expect(order.noteStockReserved(later(10 * 60_000))).toBe('moved');
    expect(order.deadline(deadlines)).toEqual(later(40 * 60_000));
    expect(order.expire(deadlines, later(20 * 60_000))).toBe('unchanged');
  });
});

describe('a confirmed order that shipping asks to dispatch', () => {
  it('is released once, and from then on the customer can no longer cancel it', () => {
    const order = aStoredOrder('CONFIRMED');
    expect(order.releaseForDispatch(now)).toBe('moved');
    expect(order.pullEvents()).toEqual([{ type: 'OrderReleasedForDispatch', aggregateId: order.id, occurredAt: now }]);
    expect(order.releaseForDispatch(now)).toBe('unchanged');
    expect(order.cancel(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_CANCELLABLE', message: 'The order is being dispatched and can no longer be cancelled.' }) });
    expect(order.status).toBe('CONFIRMED');
    expect(order.noteDispatched({ carrier: 'DHL', trackingNumber: 'JD1' }, now)).toBe('moved');
    expect(order.status).toBe('SHIPPED');
  });

  it('is not released once the customer cancelled it: the cancellation reaches shipping instead', () => {
    const order = aStoredOrder('CONFIRMED');
    expect(order.cancel(now).ok).toBe(true);
    order.pullEvents();
    expect(order.releaseForDispatch(now)).toBe('unchanged');
    expect(order.snapshot()).toMatchObject({ status: 'CANCELLED', releasedForDispatch: false });
    expect(order.pullEvents()).toEqual([]);
  });

  it.each(['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS'] as const)('cannot be asked while %s: the request waits for its confirmation', (status) => {
    expect(aStoredOrder(status).releaseForDispatch(now)).toBe('too-early');
  });

  it.each(['SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'] as const)('is not released again, nor at all, once %s', (status) => {
    const order = aStoredOrder(status);
    expect(order.releaseForDispatch(now)).toBe('unchanged');
    expect(order.snapshot()).toMatchObject({ status, releasedForDispatch: false });
    expect(order.pullEvents()).toEqual([]);
  });
});
