import { randomUUID } from 'node:crypto';
import type { Money } from '../../domain/money.value-object';
import {
  PaymentProviderError,
  PaymentProviderUnavailableError,
  type AuthorizationOutcome,
  type PaymentProvider,
  type RefundReceipt,
} from '../../domain/payment-provider';
import { IdempotencyKeyReusedError, type Decide, type Entry, type OperationKind, type TestProviderBooks } from './test-provider-books';

/** The card tokens the test provider knows; any other token is declined as unknown. */
export const TEST_TOKENS = {
  authorizes: 'tok_visa',
  declines: 'tok_chargeDeclined',
  /** Fails with a processing error on the first two calls for a payment, then authorizes. */
  failsTwiceThenAuthorizes: 'tok_processingError',
} as const;

const DECLINE_MESSAGES: Record<string, string> = {
  CARD_DECLINED: 'The card was declined.',
  UNKNOWN_TOKEN: 'The card details were not recognised.',
};

/**
 * A payment provider for development and tests, translated into payments' words at this edge:
 * decline codes become messages, a processing error becomes PaymentProviderUnavailableError (ask
 * again), a refused operation becomes PaymentProviderError. Its books keep every call by key.
 */
export class TestPaymentProvider implements PaymentProvider {
  /** `isDown`: while it says so, every call fails as during a provider outage, and nothing is written. */
  constructor(
    private readonly books: TestProviderBooks,
    private readonly isDown: () => boolean = () => false,
  ) {}

  async authorize(token: string, amount: Money, idempotencyKey: string): Promise<AuthorizationOutcome> {
    const entry = await this.operate(idempotencyKey, 'authorize', amount, async (_, current) => {
      if (token === TEST_TOKENS.failsTwiceThenAuthorizes && current.failedAttempts < 2) return 'FAILED_THIS_TIME';
      const reference = `auth_${randomUUID()}`;
      if (token === TEST_TOKENS.authorizes || token === TEST_TOKENS.failsTwiceThenAuthorizes) return { outcome: 'AUTHORIZED', reference };
      return { outcome: 'DECLINED', reference, declineCode: token === TEST_TOKENS.declines ? 'CARD_DECLINED' : 'UNKNOWN_TOKEN' };
    });
    if (entry.outcome === 'AUTHORIZED') return { outcome: 'AUTHORIZED', reference: entry.reference! };
    const code = entry.declineCode ?? 'CARD_DECLINED';
    return { outcome: 'DECLINED', code, message: DECLINE_MESSAGES[code] ?? 'The card was declined.' };
  }

  async capture(reference: string, amount: Money, idempotencyKey: string): Promise<void> {
    await this.operate(idempotencyKey, 'capture', amount, async (tx) => {
      const authorization = await this.books.authorization(tx, reference);
      if (!authorization) throw new PaymentProviderError('UNKNOWN_AUTHORIZATION', `No authorization ${reference} to capture.`);
      if ((await this.books.settled(tx, reference, 'void')).length > 0) throw new PaymentProviderError('AUTHORIZATION_VOIDED', `Authorization ${reference} was voided.`);
      if (amount.amount > (authorization.amount ?? 0)) throw new PaymentProviderError('AMOUNT_TOO_LARGE', `Cannot capture more than authorization ${reference} holds.`);
      return { outcome: 'CAPTURED', reference };
    });
  }

  async void(reference: string, idempotencyKey: string): Promise<void> {
    await this.operate(idempotencyKey, 'void', null, async (tx) => {
      if (!(await this.books.authorization(tx, reference))) throw new PaymentProviderError('UNKNOWN_AUTHORIZATION', `No authorization ${reference} to void.`);
      if ((await this.books.settled(tx, reference, 'capture')).length > 0) throw new PaymentProviderError('ALREADY_CAPTURED', `Authorization ${reference} was captured.`);
      return { outcome: 'VOIDED', reference };
    });
  }

  async refund(reference: string, amount: Money, idempotencyKey: string): Promise<RefundReceipt> {
    const entry = await this.operate(idempotencyKey, 'refund', amount, async (tx) => {
      if (!(await this.books.authorization(tx, reference))) throw new PaymentProviderError('UNKNOWN_AUTHORIZATION', `No authorization ${reference} to refund.`);
      const captured = sum(await this.books.settled(tx, reference, 'capture'));
      const refunded = sum(await this.books.settled(tx, reference, 'refund'));
      if (refunded + amount.amount > captured) throw new PaymentProviderError('REFUND_EXCEEDS_CAPTURED', `Only ${captured - refunded} of authorization ${reference} can be refunded.`);
      return { outcome: 'REFUNDED', reference };
    });
    return { reference: `re_${entry.idempotencyKey}` };
  }

  private async operate(key: string, kind: OperationKind, amount: Money | null, decide: Decide): Promise<Entry> {
    if (this.isDown()) throw new PaymentProviderUnavailableError(`The payment provider is unreachable (${kind} ${key}); try again.`);
    let entry: Entry | 'FAILED_THIS_TIME';
    try {
      entry = await this.books.operate(key, kind, amount, decide);
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw new PaymentProviderError('IDEMPOTENCY_KEY_REUSED', error.message);
      throw error;
    }
    if (entry === 'FAILED_THIS_TIME') throw new PaymentProviderUnavailableError(`The payment provider had a processing error (${kind} ${key}); try again.`);
    return entry;
  }
}

const sum = (entries: { amount: number | null }[]) => entries.reduce((total, entry) => total + (entry.amount ?? 0), 0);
