import { Promotion, type PromotionState } from '../domain/promotion.aggregate';
import type { PromotionTerms } from '../domain/promotion-terms';
import type { Prisma, Promotion as PromotionRow } from './prisma/generated/client';

const money = (amount: number | null, currency: string | null) => (amount !== null && currency !== null ? { amount, currency } : null);

export function toTerms(row: PromotionRow): PromotionTerms {
  return {
    code: row.code,
    description: row.description,
    kind: row.kind,
    percentOff: row.percentOff,
    amountOff: money(row.amountOffAmount, row.amountOffCurrency),
    productIds: row.productIds,
    categoryIds: row.categoryIds,
    minimumSubtotal: money(row.minimumSubtotalAmount, row.minimumSubtotalCurrency),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    usageLimit: row.usageLimit,
    perCustomerLimit: row.perCustomerLimit,
  };
}

export function toDomain(row: PromotionRow): Promotion {
  return Promotion.restore({ id: row.id, terms: toTerms(row), endedAt: row.endedAt, redemptionCount: row.redemptionCount, createdAt: row.createdAt });
}

export function toNewRow({ id, terms, endedAt, redemptionCount, createdAt }: PromotionState): Prisma.PromotionCreateInput {
  return {
    id,
    code: terms.code,
    description: terms.description,
    kind: terms.kind,
    percentOff: terms.percentOff,
    amountOffAmount: terms.amountOff?.amount ?? null,
    amountOffCurrency: terms.amountOff?.currency ?? null,
    productIds: [...terms.productIds],
    categoryIds: [...terms.categoryIds],
    minimumSubtotalAmount: terms.minimumSubtotal?.amount ?? null,
    minimumSubtotalCurrency: terms.minimumSubtotal?.currency ?? null,
    startsAt: terms.startsAt,
    endsAt: terms.endsAt,
    usageLimit: terms.usageLimit,
    perCustomerLimit: terms.perCustomerLimit,
    endedAt,
    redemptionCount,
    createdAt,
  };
}

/** What changes after a promotion is created: whether an admin ended it, and how many orders hold it. */
export const toPersistence = ({ endedAt, redemptionCount }: PromotionState) => ({ endedAt, redemptionCount });
