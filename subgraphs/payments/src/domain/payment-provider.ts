import type { Money } from './money.value-object';

/** What the provider answered to an authorization, in payments' words. */
export type AuthorizationOutcome =
  | { outcome: 'AUTHORIZED'; reference: string }
  | { outcome: 'DECLINED'; code: string; message: string };

export interface RefundReceipt {
  /** The provider's reference of this refund. */
  reference: string;
}

/**
 * The payment provider, behind payments' own words (the anti-corruption layer). Every call carries
 * an idempotency key: the same key always gets the first call's answer and moves money at most once,
 * so a call repeated after a crash or a retry never charges, captures or refunds twice. A call that
 * may succeed later throws PaymentProviderUnavailableError; one that never will throws PaymentProviderError.
 */
export interface PaymentProvider {
  authorize(token: string, amount: Money, idempotencyKey: string): Promise<AuthorizationOutcome>;
  capture(reference: string, amount: Money, idempotencyKey: string): Promise<void>;
  void(reference: string, idempotencyKey: string): Promise<void>;
  refund(reference: string, amount: Money, idempotencyKey: string): Promise<RefundReceipt>;
}

/** The provider could not answer now (timeout, outage, a processing error): ask again later with the same key. */
export class PaymentProviderUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaymentProviderUnavailableError';
  }
}

/** The provider refused an operation for good (no such authorization, already voided, ...). */
export class PaymentProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}
