import { Payment, type PaymentState } from './payment.aggregate';
import { PaymentProviderUnavailableError, type AuthorizationOutcome, type PaymentProvider } from './payment-provider';
import type { Money } from './money.value-object';

const now = new Date('2026-11-21T10:00:00Z');
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

/** A provider that answers as told and remembers what it was asked. */
class ScriptedProvider implements PaymentProvider {
  calls: string[] = [];
  constructor(private readonly answer: AuthorizationOutcome | Error = { outcome: 'AUTHORIZED', reference: 'auth_1' }) {}

  async authorize(token: string, amount: Money, key: string): Promise<AuthorizationOutcome> {
    this.calls.push(`authorize ${token} ${amount.amount} ${amount.currency} ${key}`);
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
  async capture(reference: string, amount: Money, key: string) {
    this.calls.push(`capture ${reference} ${amount.amount} ${key}`);
  }
  async void(reference: string, key: string) {
    this.calls.push(`void ${reference} ${key}`);
  }
  async refund(reference: string, amount: Money, key: string) {
    this.calls.push(`refund ${reference} ${amount.amount} ${key}`);
    return { reference: `re_${this.calls.length}` };
  }
}

function recorded(): Payment {
  const result = Payment.record({ id: 'pay-1', orderId: 'order-1', customerId: 'alice', total: eur(5000), paymentToken: 'tok_visa' }, now);
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

describe('Payment', () => {
  it('is recorded PENDING for the order total, asking nothing of the provider yet', () => {
    const result = Payment.record({ id: 'pay-1', orderId: 'order-1', customerId: 'alice', total: eur(5000), paymentToken: 'tok_visa' }, now);
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
    expect(Payment.record({ id: 'p', orderId: 'o', customerId: 'c', total, paymentToken: 'tok_visa' }, now)).toEqual(refusal(code));
  });

  it('is authorized with the provider under a key of its own, once', async () => {
    const payment = recorded();
    const provider = new ScriptedProvider();
    expect(await payment.authorize(provider, now)).toEqual({ ok: true, value: undefined });
    expect(payment.snapshot()).toMatchObject({ status: 'AUTHORIZED', providerReference: 'auth_1' });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentAuthorized', amount: eur(5000), providerReference: 'auth_1' })]);
    expect(await payment.authorize(provider, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual(['authorize tok_visa 5000 EUR authorize-pay-1']);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('is declined with the provider’s code and message', async () => {
    const payment = recorded();
    await payment.authorize(new ScriptedProvider({ outcome: 'DECLINED', code: 'CARD_DECLINED', message: 'The card was declined.' }), now);
    expect(payment.snapshot()).toMatchObject({ status: 'DECLINED', failure: { code: 'CARD_DECLINED', message: 'The card was declined.' } });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentDeclined', code: 'CARD_DECLINED' })]);
    expect(await payment.capture(new ScriptedProvider(), now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(await payment.cancel(new ScriptedProvider(), now)).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('stays PENDING when the provider cannot answer, so that the authorization can be asked again', async () => {
    const payment = recorded();
    await expect(payment.authorize(new ScriptedProvider(new PaymentProviderUnavailableError('timeout')), now)).rejects.toThrow('timeout');
    expect(payment.status).toBe('PENDING');
    expect(payment.pullEvents()).toEqual([]);
  });

  it('cancelled while PENDING is voided without the provider and can never be authorized', async () => {
    const payment = recorded();
    const provider = new ScriptedProvider();
    expect((await payment.cancel(provider, now)).ok).toBe(true);
    expect(payment.status).toBe('VOIDED');
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentVoided', authorizationReleased: false })]);
    expect(await payment.authorize(provider, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(await payment.cancel(provider, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual([]);
  });

  it('cancelled once AUTHORIZED releases the authorization with the provider', async () => {
    const payment = stored({ status: 'AUTHORIZED' });
    const provider = new ScriptedProvider();
    expect((await payment.cancel(provider, now)).ok).toBe(true);
    expect(payment.status).toBe('VOIDED');
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentVoided', authorizationReleased: true, amount: eur(5000) })]);
    expect(provider.calls).toEqual(['void auth_1 void-pay-1']);
    expect(await payment.capture(provider, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('captures the authorized amount in full, once, and is then past cancelling', async () => {
    const payment = stored({ status: 'AUTHORIZED' });
    const provider = new ScriptedProvider();
    expect((await payment.capture(provider, now)).ok).toBe(true);
    expect(payment.snapshot()).toMatchObject({ status: 'CAPTURED', captured: 5000 });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentCaptured', amount: eur(5000) })]);
    expect(await payment.capture(provider, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(await payment.cancel(provider, now)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual(['capture auth_1 5000 capture-pay-1']);
  });

  it('refuses to capture a payment that is not authorized yet', async () => {
    expect(await recorded().capture(new ScriptedProvider(), now)).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('refunds in parts until everything captured is back, each part under its own key', async () => {
    const payment = captured();
    const provider = new ScriptedProvider();
    expect((await payment.refund(provider, { refundId: 'r-1', amount: eur(2000), reason: '  scratched  ' }, now)).ok).toBe(true);
    expect(payment.snapshot()).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded: 2000 });
    expect((await payment.refund(provider, { refundId: 'r-2', amount: eur(3000) }, now)).ok).toBe(true);
    expect(payment.snapshot()).toMatchObject({ status: 'REFUNDED', refunded: 5000, captured: 5000 });
    expect(payment.pullEvents()).toEqual([
      expect.objectContaining({ type: 'PaymentRefunded', refundId: 'r-1', amount: eur(2000), reason: 'scratched', refundedTotal: eur(2000), fullyRefunded: false }),
      expect.objectContaining({ type: 'PaymentRefunded', refundId: 'r-2', amount: eur(3000), reason: null, refundedTotal: eur(5000), fullyRefunded: true }),
    ]);
    expect(provider.calls).toEqual(['refund auth_1 2000 refund-pay-1-after-0', 'refund auth_1 3000 refund-pay-1-after-2000']);
    expect(await payment.refund(provider, { refundId: 'r-3', amount: eur(1) }, now)).toEqual(refusal('REFUND_EXCEEDS_CAPTURED', 'amount.amount'));
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
  ])('refuses to refund %s', async (_, payment, amount, code, field) => {
    const provider = new ScriptedProvider();
    const before = payment.snapshot();
    expect(await payment.refund(provider, { refundId: 'r', amount }, now)).toEqual(refusal(code, field));
    expect(payment.snapshot()).toEqual(before);
    expect(provider.calls).toEqual([]);
  });

  it('refuses a refund reason longer than 500 characters', async () => {
    expect(await captured().refund(new ScriptedProvider(), { refundId: 'r', amount: eur(1), reason: 'x'.repeat(501) }, now)).toEqual(refusal('INVALID_REASON', 'reason'));
  });
});
