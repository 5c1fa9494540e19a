import { fail, ok, type Result } from '@storefront/kernel';

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** A list price: integer minor units (cents) of an ISO 4217 currency. Never negative. */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}

  static of(amount: number, currency: string, field = 'price'): Result<Money> {
    if (!Number.isSafeInteger(amount)) return fail('INVALID_PRICE', 'A price is a whole number of minor units (cents).', `${field}.amount`);
    if (amount < 0) return fail('NEGATIVE_PRICE', `A price cannot be negative, got ${amount}.`, `${field}.amount`);
    if (!/^[A-Z]{3}$/.test(currency) || !KNOWN_CURRENCIES.has(currency)) {
      return fail('INVALID_CURRENCY', `"${currency}" is not an ISO 4217 currency code.`, `${field}.currency`);
    }
    return ok(new Money(amount, currency));
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }
}
