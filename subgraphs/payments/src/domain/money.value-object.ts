import { fail, ok, type Result } from '@storefront/kernel';

/** The most minor units one payment can hold: a PostgreSQL integer, as GraphQL's Int. */
export const MAX_MINOR_UNITS = 2_147_483_647;

/** An amount in integer minor units (cents) of an ISO 4217 currency. Never negative. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Checks an amount the outside world gave: whole minor units, within range, of a three-letter currency. */
export function moneyOf(amount: number, currency: string, field = 'amount'): Result<Money> {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_MINOR_UNITS) {
    return fail('INVALID_AMOUNT', `An amount is a whole number of minor units from 0 to ${MAX_MINOR_UNITS}, got ${amount}.`, `${field}.amount`);
  }
  if (!CURRENCY.test(currency)) return fail('INVALID_CURRENCY', `"${currency}" is not an ISO 4217 currency code.`, `${field}.currency`);
  return ok({ amount, currency });
}

/** A refund: whole minor units above zero. */
export function checkPositiveAmount(amount: number, field = 'amount.amount'): Result<number> {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_MINOR_UNITS) {
    return fail('INVALID_AMOUNT', `An amount is a whole number of minor units from 1 to ${MAX_MINOR_UNITS}, got ${amount}.`, field);
  }
  return ok(amount);
}
