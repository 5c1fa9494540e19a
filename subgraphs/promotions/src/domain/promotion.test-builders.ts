import { OrderRedemption, type PlacedOrder } from './order-redemption.aggregate';
import { Promotion, type PromotionState } from './promotion.aggregate';
import type { PromotionInput, PromotionTerms } from './promotion-terms';

export const now = new Date('2026-11-29T10:00:00.000Z');
export const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

export const MUG = '7d2f1a52-0000-4000-8000-000000000001';
export const KITCHEN = 'c0ffee00-0000-4000-8000-000000000001';
export const PROMOTION_A = 'a0000000-0000-4000-8000-00000000000a';
export const PROMOTION_B = 'b0000000-0000-4000-8000-00000000000b';
export const ORDER = '0d000000-0000-4000-8000-000000000001';

/** What an admin might type for a coupon: 5 EUR off, WELCOME5. */
export function aPromotionInput(overrides: Partial<PromotionInput> = {}): PromotionInput {
  return { code: 'WELCOME5', description: '5 € off your first order', kind: 'AMOUNT_OFF', value: 500, currency: 'EUR', ...overrides };
}

export function someTerms(overrides: Partial<PromotionTerms> = {}): PromotionTerms {
  return {
    code: 'WELCOME5',
    description: '5 € off your first order',
    kind: 'AMOUNT_OFF',
    percentOff: null,
    amountOff: { amount: 500, currency: 'EUR' },
    productIds: [],
    categoryIds: [],
    minimumSubtotal: null,
    startsAt: hoursFromNow(-1),
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: null,
    ...overrides,
  };
}

/** A promotion as storage would give it back: running since an hour ago, unlimited, never redeemed. */
export function aStoredPromotion(terms: Partial<PromotionTerms> = {}, state: Partial<Omit<PromotionState, 'terms'>> = {}): Promotion {
  return Promotion.restore({ id: PROMOTION_A, terms: someTerms(terms), endedAt: null, redemptionCount: 0, createdAt: hoursFromNow(-2), ...state });
}

export function aPlacedOrder(overrides: Partial<PlacedOrder> = {}): PlacedOrder {
  return { orderId: ORDER, customerId: 'customer-1', promotionIds: [PROMOTION_A], placedAt: now, ...overrides };
}

/** An order that holds redemptions of the given promotions. */
export function aRedeemedOrder(promotionIds: string[]): OrderRedemption {
  return OrderRedemption.restore({ orderId: ORDER, customerId: 'customer-1', status: 'REDEEMED', promotionIds, refusal: null, at: now });
}
