import type { Identity } from '@storefront/platform';
import type { CreatePromotion } from '../application/create-promotion/create-promotion.use-case';
import type { PromotionRepository } from '../domain/promotion.repository';

export interface PromotionsUseCases {
  createPromotion: CreatePromotion;
}

export interface PromotionsContext {
  identity: Identity | null;
  promotions: PromotionRepository;
  useCases: PromotionsUseCases;
}

export function promotionsContext(identity: Identity | null, promotions: PromotionRepository, useCases: PromotionsUseCases): PromotionsContext {
  return { identity, promotions, useCases };
}
