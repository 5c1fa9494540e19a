import { fail, ok, type Result } from '@storefront/kernel';
import { isAmount, isCurrency, type Money } from './money.value-object';

export type PromotionKind = 'PERCENT_OFF' | 'AMOUNT_OFF' | 'FREE_SHIPPING';

/** What an admin asks for, as the API takes it: optional parts null or absent, instants as ISO 8601. */
export interface PromotionInput {
  code?: string | null;
  description: string;
  kind: PromotionKind;
  /** PERCENT_OFF: the percentage, 1 to 100; AMOUNT_OFF: minor units of `currency`; FREE_SHIPPING: none. */
  value?: number | null;
  /** AMOUNT_OFF: the currency of `value`. */
  currency?: string | null;
  productIds?: readonly string[] | null;
  categoryIds?: readonly string[] | null;
  minimumSubtotal?: Money | null;
  /** Default: now. */
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  perCustomerLimit?: number | null;
}

/** What a promotion is worth, to whom and when: checked, normalised, never changed afterwards. */
export interface PromotionTerms {
  /** Upper case; null for an automatic promotion, which applies to everyone. */
  code: string | null;
  description: string;
  kind: PromotionKind;
  percentOff: number | null;
  amountOff: Money | null;
  /** Empty (both) means every product. */
  productIds: readonly string[];
  categoryIds: readonly string[];
  minimumSubtotal: Money | null;
  startsAt: Date;
  endsAt: Date | null;
  /** How many orders may redeem it in all; null: no limit. */
  usageLimit: number | null;
  /** How many orders of one customer may redeem it; null: no limit. */
  perCustomerLimit: number | null;
}

const CODE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_DESCRIPTION = 200;
const MAX_IDS = 1000;
const MAX_LIMIT = 1_000_000_000;

function code(raw: string | null | undefined): Result<string | null> {
  const trimmed = (raw ?? '').trim().toUpperCase();
  if (trimmed === '') return ok(null);
  if (!CODE.test(trimmed)) return fail('INVALID_CODE', `A code has 3 to 32 letters, digits, "-" or "_", starting with a letter or digit: "${raw}" has not.`, 'code');
  return ok(trimmed);
}

function description(raw: string): Result<string> {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > MAX_DESCRIPTION) return fail('INVALID_DESCRIPTION', `A description has 1 to ${MAX_DESCRIPTION} characters.`, 'description');
  return ok(trimmed);
}

function value(input: PromotionInput): Result<Pick<PromotionTerms, 'percentOff' | 'amountOff'>> {
  const { kind, value: raw, currency } = input;
  if (kind === 'PERCENT_OFF') {
    if (raw == null || !Number.isInteger(raw) || raw < 1 || raw > 100) return fail('INVALID_PERCENTAGE', `A percentage off is a whole number from 1 to 100, got ${raw ?? 'none'}.`, 'value');
    return ok({ percentOff: raw, amountOff: null });
  }
  if (kind === 'AMOUNT_OFF') {
    if (raw == null || !isAmount(raw) || raw === 0) return fail('INVALID_AMOUNT', `An amount off is a positive whole number of minor units (cents), got ${raw ?? 'none'}.`, 'value');
    if (currency == null || !isCurrency(currency)) return fail('INVALID_CURRENCY', `An amount off needs its ISO 4217 currency, e.g. "EUR", got "${currency ?? ''}".`, 'currency');
    return ok({ percentOff: null, amountOff: { amount: raw, currency } });
  }
  if (raw != null) return fail('INVALID_VALUE', 'Free shipping takes no value.', 'value');
  return ok({ percentOff: null, amountOff: null });
}

function ids(raw: readonly string[] | null | undefined, field: 'productIds' | 'categoryIds'): Result<string[]> {
  const unique = [...new Set((raw ?? []).map((id) => id.toLowerCase()))];
  const bad = unique.find((id) => !UUID.test(id));
  if (bad !== undefined) return fail(field === 'productIds' ? 'INVALID_PRODUCT_ID' : 'INVALID_CATEGORY_ID', `"${bad}" is not an id (a UUID).`, field);
  if (unique.length > MAX_IDS) return fail('TOO_MANY_IDS', `A promotion names at most ${MAX_IDS} ${field === 'productIds' ? 'products' : 'categories'}.`, field);
  return ok(unique);
}

function minimumSubtotal(raw: Money | null | undefined, amountOff: Money | null): Result<Money | null> {
  if (raw == null) return ok(null);
  if (!isAmount(raw.amount)) return fail('INVALID_MINIMUM_SUBTOTAL', `A minimum subtotal is a whole number of minor units, 0 or more, got ${raw.amount}.`, 'minimumSubtotal.amount');
  if (!isCurrency(raw.currency)) return fail('INVALID_CURRENCY', `"${raw.currency}" is not an ISO 4217 currency code.`, 'minimumSubtotal.currency');
  if (amountOff && amountOff.currency !== raw.currency) {
    return fail('CURRENCY_MISMATCH', `The minimum subtotal is in ${raw.currency} but the amount off in ${amountOff.currency}.`, 'minimumSubtotal.currency');
  }
  return ok({ amount: raw.amount, currency: raw.currency });
}

function instant(raw: string | null | undefined, field: 'startsAt' | 'endsAt'): Result<Date | null> {
  if (raw == null) return ok(null);
  const at = new Date(raw);
  if (!ISO_INSTANT.test(raw) || Number.isNaN(at.getTime())) return fail('INVALID_DATE', `"${raw}" is not an ISO 8601 instant such as "2026-12-01T00:00:00Z".`, field);
  return ok(at);
}

function limit(raw: number | null | undefined, field: 'usageLimit' | 'perCustomerLimit'): Result<number | null> {
  if (raw == null) return ok(null);
  if (!Number.isInteger(raw) || raw < 1 || raw > MAX_LIMIT) {
    return fail(field === 'usageLimit' ? 'INVALID_USAGE_LIMIT' : 'INVALID_PER_CUSTOMER_LIMIT', `A limit is a whole number from 1 to ${MAX_LIMIT}, got ${raw}.`, field);
  }
  return ok(raw);
}

/**
 * Checks an admin's promotion, field by field in the order of the form, and gives its terms or the
 * first problem with a stable code naming the field. `now` is when it is created: it may start
 * later, but not end before it starts nor before now.
 */
export function parsePromotionTerms(input: PromotionInput, now: Date): Result<PromotionTerms> {
  const parsedCode = code(input.code);
  if (!parsedCode.ok) return parsedCode;
  const parsedDescription = description(input.description);
  if (!parsedDescription.ok) return parsedDescription;
  const parsedValue = value(input);
  if (!parsedValue.ok) return parsedValue;
  const productIds = ids(input.productIds, 'productIds');
  if (!productIds.ok) return productIds;
  const categoryIds = ids(input.categoryIds, 'categoryIds');
  if (!categoryIds.ok) return categoryIds;
  const minimum = minimumSubtotal(input.minimumSubtotal, parsedValue.value.amountOff);
  if (!minimum.ok) return minimum;
  const startsAt = instant(input.startsAt, 'startsAt');
  if (!startsAt.ok) return startsAt;
  const endsAt = instant(input.endsAt, 'endsAt');
  if (!endsAt.ok) return endsAt;
  const start = startsAt.value ?? now;
  if (endsAt.value && endsAt.value.getTime() <= start.getTime()) return fail('INVALID_PERIOD', 'A promotion must end after it starts.', 'endsAt');
  if (endsAt.value && endsAt.value.getTime() <= now.getTime()) return fail('INVALID_PERIOD', 'A promotion must end in the future.', 'endsAt');
  const usageLimit = limit(input.usageLimit, 'usageLimit');
  if (!usageLimit.ok) return usageLimit;
  const perCustomerLimit = limit(input.perCustomerLimit, 'perCustomerLimit');
  if (!perCustomerLimit.ok) return perCustomerLimit;
  if (parsedCode.value === null && (usageLimit.value !== null || perCustomerLimit.value !== null)) {
    // An automatic promotion is applied without the customer asking: an order must never be
    // rejected for a discount nobody chose. A limited offer needs a code.
    return fail('LIMIT_NEEDS_CODE', 'Only a promotion with a code can have a usage or per-customer limit.', usageLimit.value !== null ? 'usageLimit' : 'perCustomerLimit');
  }
  return ok({
    code: parsedCode.value,
    description: parsedDescription.value,
    kind: input.kind,
    ...parsedValue.value,
    productIds: productIds.value,
    categoryIds: categoryIds.value,
    minimumSubtotal: minimum.value,
    startsAt: start,
    endsAt: endsAt.value,
    usageLimit: usageLimit.value,
    perCustomerLimit: perCustomerLimit.value,
  });
}
