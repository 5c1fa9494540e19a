import type { OrderRedemptionRepository } from '../domain/order-redemption.repository';
import type { PromotionRepository } from '../domain/promotion.repository';

export interface PromotionStore {
  promotions: PromotionRepository;
  redemptions: OrderRedemptionRepository;
}

/** Runs work in one transaction of promotions' database: what it stores and publishes commits together or not at all. */
export interface PromotionTransactions {
  run<T>(work: (store: PromotionStore) => Promise<T>): Promise<T>;
}
