import type { DomainEvent } from '@storefront/kernel';

/** Every promotion the order applied is redeemed for it. */
export interface PromotionsRedeemed extends DomainEvent {
  type: 'PromotionsRedeemed';
  orderId: string;
  promotionIds: readonly string[];
}

/** One promotion could not be redeemed, so none was: the order will be rejected. */
export interface RedemptionRefused extends DomainEvent {
  type: 'RedemptionRefused';
  orderId: string;
  promotionId: string;
  code: string | null;
  reason: string;
}

export type OrderRedemptionEvent = PromotionsRedeemed | RedemptionRefused;
