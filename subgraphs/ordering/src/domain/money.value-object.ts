/** The most minor units an amount can hold: a PostgreSQL integer, and a GraphQL Int. */
export const MAX_AMOUNT = 2_147_483_647;

/** Raised when amounts of two currencies are added: a bug in the caller, who must check first. */
export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`Cannot add ${a} to ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

/** An amount in integer minor units (cents) of an ISO 4217 currency. Never negative. */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}

  /** Money as the price list and storage hold it; the checks make a bad value a bug, not a user error. */
  static of(amount: number, currency: string): Money {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not an amount of minor units: ${amount}`);
    if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Not an ISO 4217 currency code: ${currency}`);
    return new Money(amount, currency);
  }

  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  add(other: Money): Money {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(other.currency, this.currency);
    return Money.of(this.amount + other.amount, this.currency);
  }

  times(quantity: number): Money {
    return Money.of(this.amount * quantity, this.currency);
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  toJSON(): { amount: number; currency: string } {
    return { amount: this.amount, currency: this.currency };
  }
}
