/** The most minor units an amount can hold: a PostgreSQL integer, and a GraphQL Int. */
export const MAX_AMOUNT = 2_147_483_647;

const ISO_4217 = /^[A-Z]{3}$/;

/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function isCurrency(code: string): boolean {
  return ISO_4217.test(code);
}

/** Whole minor units a promotion can name: 0 to MAX_AMOUNT. */
export function isAmount(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT;
}
