import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import type { PaymentEvent } from './payment-events';
import type { AuthorizationOutcome, RefundReceipt } from './payment-provider';
import { checkPositiveAmount, moneyOf, type Money } from './money.value-object';
import { checkRefundReason } from './refund-reason';

export type PaymentStatus = 'PENDING' | 'AUTHORIZED' | 'DECLINED' | 'VOIDED' | 'CAPTURED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';

export interface PaymentState {
  id: string;
  orderId: string;
  customerId: string;
  /** The order's total, in minor units of `currency`. */
  amount: number;
  currency: string;
  status: PaymentStatus;
  paymentToken: string;
  providerReference: string | null;
  failure: { code: string; message: string } | null;
  captured: number;
  refunded: number;
  version: number;
}

export interface NewPayment {
  id: string;
  orderId: string;
  customerId: string;
  total: Money;
  paymentToken: string;
}

/** What the provider is asked to authorize, under an idempotency key of the payment's own. */
export interface AuthorizationRequest {
  token: string;
  amount: Money;
  idempotencyKey: string;
}

/** What the provider is asked about the payment's authorization, under an idempotency key of the payment's own. */
export interface ProviderRequest {
  reference: string;
  idempotencyKey: string;
}

export interface RefundRequest {
  refundId: string;
  amount: Money;
  reason?: string | null;
}

/**
 * The payment of one order. PENDING when the order is placed; AUTHORIZED or DECLINED by the
 * provider; AUTHORIZED becomes VOIDED (the order was cancelled) or CAPTURED (the parcel left);
 * captured money is refunded in parts, never beyond what was captured. A cancelled PENDING payment
 * is VOIDED without asking the provider, so it can never be authorized afterwards. Every other move
 * is refused, so a late or repeated event changes nothing. The payment says what to ask the provider
 * (`authorizationRequest()`, ...) and records its answer (`recordAuthorization(answer)`, ...); the
 * use case does the asking in between, so a provider failure leaves the payment as it was.
 */
export class Payment extends AggregateRoot<PaymentEvent> {
  private constructor(private state: PaymentState) {
    super();
  }

  /** Opens the payment of a placed order: PENDING for the order's total, nothing asked of the provider yet. */
  static open(input: NewPayment, now: Date): Result<Payment> {
    const total = moneyOf(input.total.amount, input.total.currency, 'total');
    if (!total.ok) return total;
    if (input.paymentToken.trim().length === 0) return fail('INVALID_PAYMENT_TOKEN', 'An order needs a payment token.', 'paymentToken');
    const payment = new Payment({
      id: input.id,
      orderId: input.orderId,
      customerId: input.customerId,
      amount: total.value.amount,
      currency: total.value.currency,
      status: 'PENDING',
      paymentToken: input.paymentToken,
      providerReference: null,
      failure: null,
      captured: 0,
      refunded: 0,
      version: 0,
    });
    payment.record({ type: 'PaymentRecorded', ...payment.about(now), amount: total.value });
    return ok(payment);
  }

  /** Rebuilds a payment from storage; no rule runs and no event is recorded. */
  static restore(state: PaymentState): Payment {
    return new Payment({ ...state, failure: state.failure && { ...state.failure } });
  }

  get status(): PaymentStatus {
    return this.state.status;
  }

  snapshot(): Readonly<PaymentState> {
    return { ...this.state };
  }

  /** What to ask the provider to set the order's total aside on the card; only a PENDING payment may be authorized. */
  authorizationRequest(): Result<AuthorizationRequest> {
    if (this.state.status !== 'PENDING') return this.refuse('authorize');
    return ok({ token: this.state.paymentToken, amount: this.total, idempotencyKey: `authorize-${this.state.id}` });
  }

  /** The provider's answer to the authorization: AUTHORIZED with its reference, or DECLINED with its code and message. */
  recordAuthorization(answer: AuthorizationOutcome, now: Date): Result<void> {
    if (this.state.status !== 'PENDING') return this.refuse('authorize');
    if (answer.outcome === 'AUTHORIZED') {
      this.state = { ...this.state, status: 'AUTHORIZED', providerReference: answer.reference };
      this.record({ type: 'PaymentAuthorized', ...this.about(now), amount: this.total, providerReference: answer.reference });
    } else {
      this.state = { ...this.state, status: 'DECLINED', failure: { code: answer.code, message: answer.message } };
      this.record({ type: 'PaymentDeclined', ...this.about(now), code: answer.code, message: answer.message });
    }
    return ok(undefined);
  }

  /**
   * What the provider must release when the order will not go ahead: an AUTHORIZED payment's
   * authorization, or nothing for a PENDING one (so that none is ever sought).
   */
  voidRequest(): Result<ProviderRequest | null> {
    const { status } = this.state;
    if (status !== 'PENDING' && status !== 'AUTHORIZED') return this.refuse('cancel');
    return ok(status === 'AUTHORIZED' ? { reference: this.reference, idempotencyKey: `void-${this.state.id}` } : null);
  }

  /** The payment is VOIDED, its authorization (if it had one) released with the provider. */
  recordVoid(now: Date): Result<void> {
    const { status } = this.state;
    if (status !== 'PENDING' && status !== 'AUTHORIZED') return this.refuse('cancel');
    this.state = { ...this.state, status: 'VOIDED' };
    this.record({ type: 'PaymentVoided', ...this.about(now), amount: this.total, authorizationReleased: status === 'AUTHORIZED' });
    return ok(undefined);
  }

  /** What to ask the provider to take: the authorized amount, in full; only an AUTHORIZED payment may be captured. */
  captureRequest(): Result<ProviderRequest & { amount: Money }> {
    if (this.state.status !== 'AUTHORIZED') return this.refuse('capture');
    return ok({ reference: this.reference, amount: this.total, idempotencyKey: `capture-${this.state.id}` });
  }

  /** The provider took the authorized amount. */
  recordCapture(now: Date): Result<void> {
    if (this.state.status !== 'AUTHORIZED') return this.refuse('capture');
    this.state = { ...this.state, status: 'CAPTURED', captured: this.state.amount };
    this.record({ type: 'PaymentCaptured', ...this.about(now), amount: this.total });
    return ok(undefined);
  }

  /** What to ask the provider to give back: captured money, in the payment's currency, never more than is left to refund. */
  refundRequest(request: RefundRequest): Result<ProviderRequest & { amount: Money }> {
    const refund = this.checkRefund(request);
    if (!refund.ok) return refund;
    // Keyed by what was refunded before: a refund repeated after a crash is the same refund to the provider.
    return ok({ reference: this.reference, amount: request.amount, idempotencyKey: `refund-${this.state.id}-after-${this.state.refunded}` });
  }

  /** The provider gave the money back, under the receipt's reference. */
  recordRefund(request: RefundRequest, receipt: RefundReceipt, now: Date): Result<void> {
    const refund = this.checkRefund(request);
    if (!refund.ok) return refund;
    const { captured, refunded, currency } = this.state;
    const refundedTotal = refunded + request.amount.amount;
    const fullyRefunded = refundedTotal === captured;
    this.state = { ...this.state, refunded: refundedTotal, status: fullyRefunded ? 'REFUNDED' : 'PARTIALLY_REFUNDED' };
    this.record({
      type: 'PaymentRefunded',
      ...this.about(now),
      refundId: request.refundId,
      amount: { amount: request.amount.amount, currency },
      reason: refund.value,
      providerReference: receipt.reference,
      refundedTotal: { amount: refundedTotal, currency },
      fullyRefunded,
    });
    return ok(undefined);
  }

  /** The refund's reason, trimmed, when the payment may give back this amount. */
  private checkRefund(request: RefundRequest): Result<string | null> {
    const amount = checkPositiveAmount(request.amount.amount);
    if (!amount.ok) return amount;
    const reason = checkRefundReason(request.reason);
    if (!reason.ok) return reason;
    const { status, captured, refunded, currency } = this.state;
    if (status !== 'CAPTURED' && status !== 'PARTIALLY_REFUNDED' && status !== 'REFUNDED') {
      return fail('NOT_CAPTURED', `Only captured money can be refunded; the payment is ${status}.`, 'orderId');
    }
    if (request.amount.currency !== currency) {
      return fail('CURRENCY_MISMATCH', `The payment is in ${currency}, not ${request.amount.currency}.`, 'amount.currency');
    }
    if (request.amount.amount > captured - refunded) {
      return fail('REFUND_EXCEEDS_CAPTURED', `Only ${captured - refunded} of the ${captured} captured can still be refunded.`, 'amount.amount');
    }
    return reason;
  }

  private get total(): Money {
    return { amount: this.state.amount, currency: this.state.currency };
  }

  private get reference(): string {
    const { providerReference } = this.state;
    if (providerReference === null) throw new Error(`Payment ${this.state.id} is ${this.state.status} without a provider reference`);
    return providerReference;
  }

  private refuse(move: string): Result<never> {
    return fail('ILLEGAL_TRANSITION', `A ${this.state.status} payment cannot ${move}.`);
  }

  private about(now: Date) {
    return { aggregateId: this.state.id, occurredAt: now, orderId: this.state.orderId };
  }
}
