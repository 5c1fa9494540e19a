import { Payment, type PaymentState } from '../domain/payment.aggregate';
import { PaymentProviderUnavailableError, type AuthorizationOutcome, type PaymentProvider } from '../domain/payment-provider';
import { PaymentNotYetAuthorizedError, type PaymentRepository } from '../domain/payment.repository';
import type { Money } from '../domain/money.value-object';
import { AuthorizePayment } from './authorize-payment/authorize-payment.use-case';
import { CancelPayment } from './cancel-payment/cancel-payment.use-case';
import { CapturePayment } from './capture-payment/capture-payment.use-case';
import { RefundPayment } from './refund-payment/refund-payment.use-case';

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

/** The repository's promise for one payment, in memory: it counts what was saved. */
class OnePayment implements PaymentRepository {
  saves = 0;
  constructor(readonly payment: Payment) {}
  async add() {}
  async lockFor(orderId: string) {
    return orderId === this.payment.snapshot().orderId ? this.payment : null;
  }
  async save() {
    this.saves += 1;
  }
}

/** The time is pinned; refund ids are handed out in turn. */
const pinned = (...ids: string[]) => ({ now: () => now, newId: () => ids.shift() ?? 'id-extra' });

function recorded(): Payment {
  const result = Payment.open({ id: 'pay-1', orderId: 'order-1', customerId: 'alice', total: eur(5000), paymentToken: 'tok_visa' }, now);
  if (!result.ok) throw new Error(result.error.message);
  result.value.pullEvents();
  return result.value;
}

const stored = (overrides: Partial<PaymentState>) => Payment.restore({ ...recorded().snapshot(), providerReference: 'auth_1', ...overrides });
const captured = () => stored({ status: 'CAPTURED', captured: 5000 });
const refusal = (code: string, field?: string) => ({ ok: false, error: expect.objectContaining(field ? { code, field } : { code }) });

const authorize = (payment: Payment, provider: PaymentProvider) => new AuthorizePayment(new OnePayment(payment), provider, pinned()).execute('order-1');
const cancel = (payment: Payment, provider: PaymentProvider) => new CancelPayment(new OnePayment(payment), provider, pinned()).execute('order-1');
const capture = (payment: Payment, provider: PaymentProvider) => new CapturePayment(new OnePayment(payment), provider, pinned()).execute('order-1');
function refunds(payment: Payment, provider: PaymentProvider, ...ids: string[]) {
  return new RefundPayment({ run: (work) => work(new OnePayment(payment)) }, provider, pinned(...ids));
}

describe('the payment use cases ask the provider what the payment says, then record its answer', () => {
  it('authorizes with the provider under a key of the payment’s own, once', async () => {
    const payment = recorded();
    const provider = new ScriptedProvider();
    expect(await authorize(payment, provider)).toEqual({ ok: true, value: undefined });
    expect(payment.snapshot()).toMatchObject({ status: 'AUTHORIZED', providerReference: 'auth_1' });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentAuthorized', amount: eur(5000), providerReference: 'auth_1' })]);
    expect(await authorize(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual(['authorize tok_visa 5000 EUR authorize-pay-1']);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('records a decline with the provider’s code and message', async () => {
    const payment = recorded();
    await authorize(payment, new ScriptedProvider({ outcome: 'DECLINED', code: 'CARD_DECLINED', message: 'The card was declined.' }));
    expect(payment.snapshot()).toMatchObject({ status: 'DECLINED', failure: { code: 'CARD_DECLINED', message: 'The card was declined.' } });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentDeclined', code: 'CARD_DECLINED' })]);
    const provider = new ScriptedProvider();
    expect(await capture(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(await cancel(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual([]);
  });

  it('leaves the payment PENDING and unsaved when the provider cannot answer, so that the authorization can be asked again', async () => {
    const payment = recorded();
    const payments = new OnePayment(payment);
    const provider = new ScriptedProvider(new PaymentProviderUnavailableError('timeout'));
    await expect(new AuthorizePayment(payments, provider, pinned()).execute('order-1')).rejects.toThrow('timeout');
    expect(payment.status).toBe('PENDING');
    expect(payment.pullEvents()).toEqual([]);
    expect(payments.saves).toBe(0);
  });

  it('voids a PENDING payment without the provider, and it can never be authorized', async () => {
    const payment = recorded();
    const provider = new ScriptedProvider();
    expect((await cancel(payment, provider)).ok).toBe(true);
    expect(payment.status).toBe('VOIDED');
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentVoided', authorizationReleased: false })]);
    expect(await authorize(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(await cancel(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual([]);
  });

  it('releases an AUTHORIZED payment’s authorization with the provider', async () => {
    const payment = stored({ status: 'AUTHORIZED' });
    const provider = new ScriptedProvider();
    expect((await cancel(payment, provider)).ok).toBe(true);
    expect(payment.status).toBe('VOIDED');
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentVoided', authorizationReleased: true, amount: eur(5000) })]);
    expect(provider.calls).toEqual(['void auth_1 void-pay-1']);
    expect(await capture(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
  });

  it('captures the authorized amount in full, once, and is then past cancelling', async () => {
    const payment = stored({ status: 'AUTHORIZED' });
    const provider = new ScriptedProvider();
    expect((await capture(payment, provider)).ok).toBe(true);
    expect(payment.snapshot()).toMatchObject({ status: 'CAPTURED', captured: 5000 });
    expect(payment.pullEvents()).toEqual([expect.objectContaining({ type: 'PaymentCaptured', amount: eur(5000) })]);
    expect(await capture(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(await cancel(payment, provider)).toEqual(refusal('ILLEGAL_TRANSITION'));
    expect(provider.calls).toEqual(['capture auth_1 5000 capture-pay-1']);
  });

  it('asks again later to capture a payment that is not authorized yet, asking nothing of the provider', async () => {
    const provider = new ScriptedProvider();
    await expect(capture(recorded(), provider)).rejects.toThrow(PaymentNotYetAuthorizedError);
    expect(provider.calls).toEqual([]);
  });

  it('refunds in parts until everything captured is back, each part under its own key', async () => {
    const payment = captured();
    const provider = new ScriptedProvider();
    const refund = refunds(payment, provider, 'r-1', 'r-2', 'r-3');
    expect((await refund.execute({ orderId: 'order-1', amount: eur(2000), reason: '  scratched  ' })).ok).toBe(true);
    expect(payment.snapshot()).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded: 2000 });
    expect((await refund.execute({ orderId: 'order-1', amount: eur(3000) })).ok).toBe(true);
    expect(payment.snapshot()).toMatchObject({ status: 'REFUNDED', refunded: 5000, captured: 5000 });
    expect(payment.pullEvents()).toEqual([
      expect.objectContaining({ type: 'PaymentRefunded', refundId: 'r-1', amount: eur(2000), reason: 'scratched', providerReference: 're_1', refundedTotal: eur(2000), fullyRefunded: false }),
      expect.objectContaining({ type: 'PaymentRefunded', refundId: 'r-2', amount: eur(3000), reason: null, providerReference: 're_2', refundedTotal: eur(5000), fullyRefunded: true }),
    ]);
    expect(provider.calls).toEqual(['refund auth_1 2000 refund-pay-1-after-0', 'refund auth_1 3000 refund-pay-1-after-2000']);
    expect(await refund.execute({ orderId: 'order-1', amount: eur(1) })).toEqual(refusal('REFUND_EXCEEDS_CAPTURED', 'amount.amount'));
  });

  it.each([
    ['more than was captured', captured(), eur(5001), 'REFUND_EXCEEDS_CAPTURED', 'amount.amount'],
    ['another currency', captured(), { amount: 100, currency: 'USD' }, 'CURRENCY_MISMATCH', 'amount.currency'],
    ['a pending payment', recorded(), eur(100), 'NOT_CAPTURED', 'orderId'],
  ])('refuses to refund %s without asking the provider', async (_, payment, amount, code, field) => {
    const provider = new ScriptedProvider();
    const before = payment.snapshot();
    expect(await refunds(payment, provider, 'r').execute({ orderId: 'order-1', amount })).toEqual(refusal(code, field));
    expect(payment.snapshot()).toEqual(before);
    expect(provider.calls).toEqual([]);
  });
});
