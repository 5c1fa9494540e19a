import { Payment, type PaymentState } from './payment.aggregate';
import type { Money } from './money.value-object';

const now = new Date('2026-11-21T10:00:00Z');
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

function recorded(): Payment {
  const result = Payment.open({ id: 'pay-1', orderId: 'order-1', customerId: 'alice', total: eur(5000), paymentToken: 'tok_visa' }, now);
  if (!result.ok) throw new Error(result.error.message);
  result.value.pullEvents();
  return result.value;
}

function stored(overrides: Partial<PaymentState>): Payment {
  const base = recorded().snapshot();
  return Payment.restore({ ...base, providerReference: 'auth_1', ...overrides });
}

const captured = (refunded = 0) => stored({ status: refunded === 0 ? 'CAPTURED' : 'PARTIALLY_REFUNDED', captured: 5000, refunded });
const refusal = (code: string, field?: string) => ({ ok: false, error: expect.objectContaining(field ? { code, field } : { code }) });
const done = { ok: true, value: undefined };

describe('Payment', () => {
  it('is recorded PENDING for the order total, asking nothing of the provider yet', () => {
    const result = Payment.open({ id: 'pay-1', orderId: 'order-1', customerId: 'alice', total: eur(5000), paymentToken: 'tok_visa' }, now);
    expect(result.ok && result.value.snapshot()).toMatchObject({ status: 'PENDING', amount: 5000, currency: 'EUR', captured: 0, refunded: 0 });
    expect(result.ok && result.value.pullEvents()).toEqual([
      { type: 'PaymentRecorded', aggregateId: 'pay-1', orderId: 'order-1', occurredAt: now, amount: eur(5000) },
    ]);
  });

  it.each([
    [{ amount: -1, currency: 'EUR' }, 'INVALID_AMOUNT'],
    [{ amount: 1.5, currency: 'EUR' }, 'INVALID_AMOUNT'],
    [{ amount: 2 ** 31, currency: 'EUR' }, 'INVALID_AMOUNT'],
    [{ amount: 100, currency: 'euro' }, 'INVALID_CURRENCY'],
  ])('refuses to record a total of %p', (total, code) => {
    expect(Payment.open({ id: 'p', orderId: 'o', customerId: 'c', total, paymentToken: 'tok_visa' }, now)).toEqual(refusal(code));
  });

  it('asks for the authorization of its total under a key of its own, and records it once', () => {
    const payment = recorded();
    expect(payment.authorizationRequest()).toEqual({ ok: true, value: { token: 'tok_visa', amount: eur(5000), idempotencyKey: 'authorize-pay-1' } });
    expect(payment.recordAuthorization({ outcome: 'AUTHORIZED', reference: 'auth_1' }, now)).toEqual(done);
    expect(payment.snapshot()).toMatchObject({ status: 'AUTHORIZED', providerReference: 'auth_1' });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentAuthorized', amount: eur(5000), providerReference: 'auth_1' })]);
    expect(payment.authorizationRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.recordAuthorization({ outcome: 'AUTHORIZED', reference: 'auth_2' }, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.snapshot()).toMatchObject({ providerReference: 'auth_1' });
    expect(payment.pullEvents()).toEqual([]);
  });

  it('records a decline with the provider’s code and message, and is then past capturing and cancelling', () => {
    const payment = recorded();
    expect(payment.recordAuthorization({ outcome: 'DECLINED', code: 'CARD_DECLINED', message: 'The card was declined.' }, now)).toEqual(done);
    expect(payment.snapshot()).toMatchObject({ status: 'DECLINED', failure: { code: 'CARD_DECLINED', message: 'The card was declined.' } });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentDeclined', code: 'CARD_DECLINED' })]);
    expect(payment.captureRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.recordCapture(now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.voidRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.recordVoid(now)).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('cancelled while PENDING needs nothing released and can never be authorized', () => {
    const payment = recorded();
    expect(payment.voidRequest()).toEqual({ ok: true, value: null });
    expect(payment.recordVoid(now)).toEqual(done);
    expect(payment.status).toBe('VOIDED');
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentVoided', authorizationReleased: false })]);
    expect(payment.authorizationRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.recordAuthorization({ outcome: 'AUTHORIZED', reference: 'auth_1' }, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.voidRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('cancelled once AUTHORIZED asks for its authorization to be released', () => {
    const payment = stored({ status: 'AUTHORIZED' });
    expect(payment.voidRequest()).toEqual({ ok: true, value: { reference: 'auth_1', idempotencyKey: 'void-pay-1' } });
    expect(payment.recordVoid(now)).toEqual(done);
    expect(payment.status).toBe('VOIDED');
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentVoided', authorizationReleased: true, amount: eur(5000) })]);
    expect(payment.captureRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('asks to capture the authorized amount in full, once, and is then past cancelling', () => {
    const payment = stored({ status: 'AUTHORIZED' });
    expect(payment.captureRequest()).toEqual({ ok: true, value: { reference: 'auth_1', amount: eur(5000), idempotencyKey: 'capture-pay-1' } });
    expect(payment.recordCapture(now)).toEqual(done);
    expect(payment.snapshot()).toMatchObject({ status: 'CAPTURED', captured: 5000 });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentCaptured', amount: eur(5000) })]);
    expect(payment.captureRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.recordCapture(now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(payment.voidRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('refuses to capture a payment that is not authorized yet', () => {
    expect(recorded().captureRequest()).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(recorded().recordCapture(now)).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('refunds in parts until everything captured is back, each part under its own key', () => {
    const payment = captured();
    const first = { refundId: 'r-1', amount: eur(2000), reason: '  scratched  ' };
    expect(payment.refundRequest(first)).toEqual({ ok: true, value: { reference: 'auth_1', amount: eur(2000), idempotencyKey: 'refund-pay-1-after-0' } });
    expect(payment.recordRefund(first, { reference: 're_1' }, now)).toEqual(done);
    expect(payment.snapshot()).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded: 2000 });
    const second = { refundId: 'r-2', amount: eur(3000) };
    expect(payment.refundRequest(second)).toEqual({ ok: true, value: { reference: 'auth_1', amount: eur(3000), idempotencyKey: 'refund-pay-1-after-2000' } });
    expect(payment.recordRefund(second, { reference: 're_2' }, now)).toEqual(done);
    expect(payment.snapshot()).toMatchObject({ status: 'REFUNDED', refunded: 5000, captured: 5000 });
    expect(payment.pullEvents()).toEqual([
      expect.objectContaining({ type: 'PaymentRefunded', refundId: 'r-1', amount: eur(2000), reason: 'scratched', providerReference: 're_1', refundedTotal: eur(2000), fullyRefunded: false }),
      expect.objectContaining({ type: 'PaymentRefunded', refundId: 'r-2', amount: eur(3000), reason: null, providerReference: 're_2', refundedTotal: eur(5000), fullyRefunded: true }),
    ]);
    expect(payment.refundRequest({ refundId: 'r-3', amount: eur(1) })).toEqual(refusal('REFUND_EXCEEDS_CAPTURED', 'amount.amount'));
  });

  it.each([
    ['more than is left to refund', captured(4000), eur(1001), 'REFUND_EXCEEDS_CAPTURED', 'amount.amount'],
    ['more than was captured', captured(), eur(5001), 'REFUND_EXCEEDS_CAPTURED', 'amount.amount'],
    ['zero', captured(), eur(0), 'INVALID_AMOUNT', 'amount.amount'],
    ['a negative amount', captured(), eur(-5), 'INVALID_AMOUNT', 'amount.amount'],
    ['half a cent', captured(), eur(0.5), 'INVALID_AMOUNT', 'amount.amount'],
    ['another currency', captured(), { amount: 100, currency: 'USD' }, 'CURRENCY_MISMATCH', 'amount.currency'],
    ['an authorized payment', stored({ status: 'AUTHORIZED' }), eur(100), 'NOT_CAPTURED', 'orderId'],
    ['a pending payment', recorded(), eur(100), 'NOT_CAPTURED', 'orderId'],
  ])('refuses to refund %s', (_, payment, amount, code, field) => {
    const before = payment.snapshot();
    expect(payment.refundRequest({ refundId: 'r', amount })).toEqual(refusal(code, field));
    expect(payment.recordRefund({ refundId: 'r', amount }, { reference: 're_1' }, now)).toEqual(refusal(code, field));
    expect(payment.snapshot()).toEqual(before);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('refuses a refund reason longer than 500 characters', () => {
    expect(captured().refundRequest({ refundId: 'r', amount: eur(1), reason: 'x'.repeat(501) })).toEqual(refusal('INVALID_REASON', 'reason'));
  });
});
