import { fail, ok, type Result } from '@storefront/kernel';

const MAX_REASON = 500;

/** Why money went back: optional, trimmed, at most 500 characters; blank means none given. */
export function checkRefundReason(raw: string | null | undefined): Result<string | null> {
  const reason = raw?.trim() ?? '';
  if (reason.length > MAX_REASON) return fail('INVALID_REASON', `A reason has at most ${MAX_REASON} characters.`, 'reason');
  return ok(reason.length === 0 ? null : reason);
}
