import { fail, ok, type Result } from '@storefront/kernel';

/** The most units one stock record can count: a PostgreSQL integer. */
export const MAX_UNITS = 2_147_483_647;
const MAX_REASON = 500;

/** A number of units moved at once: a whole number above zero. */
export function checkPositiveQuantity(quantity: number, field = 'quantity'): Result<number> {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    return fail('INVALID_QUANTITY', `The quantity must be a whole number of units above zero, got ${quantity}.`, field);
  }
  return ok(quantity);
}

/** A correction of on-hand units: a whole number, negative to remove units, never zero. */
export function checkAdjustment(delta: number, field = 'quantity'): Result<number> {
  if (!Number.isSafeInteger(delta) || delta === 0) {
    return fail('INVALID_QUANTITY', `An adjustment is a whole number of units other than zero, got ${delta}.`, field);
  }
  return ok(delta);
}

/** Why on-hand units were corrected: required, since the audit trail is only as good as its reasons. */
export function checkReason(raw: string): Result<string> {
  const reason = raw.trim();
  if (reason.length === 0) return fail('REASON_REQUIRED', 'Say why the stock is adjusted.', 'reason');
  if (reason.length > MAX_REASON) return fail('INVALID_REASON', `A reason has at most ${MAX_REASON} characters.`, 'reason');
  return ok(reason);
}
