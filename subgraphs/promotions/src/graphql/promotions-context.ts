import type { Identity } from '@storefront/platform';
import type { CreatePromotion } from '../application/create-promotion/create-promotion.use-case';
import type { EndPromotion } from '../application/end-promotion/end-promotion.use-case';
import type { PromotionQueries } from '../infrastructure/promotion.queries';

export interface PromotionsUseCases {
  createPromotion: CreatePromotion;
  endPromotion: EndPromotion;
}

export interface PromotionsContext {
  identity: Identity | null;
  queries: PromotionQueries;
  useCases: PromotionsUseCases;
  /** The clock a promotion's status is read against: the use cases' own. */
  now: () => Date;
}

export function promotionsContext(identity: Identity | null, queries: PromotionQueries, useCases: PromotionsUseCases, now: () => Date): PromotionsContext {
  return { identity, queries, useCases, now };
}
