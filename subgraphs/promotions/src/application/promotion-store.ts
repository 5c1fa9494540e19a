import type { OrderRedemptionRepository } from '../domain/order-redemption.repository';
import type { PromotionRepository } from '../domain/promotion.repository';

/** The stores one transaction of promotions' database hands a use case. */
export interface PromotionStore {
  promotions: PromotionRepository;
  redemptions: OrderRedemptionRepository;
}
