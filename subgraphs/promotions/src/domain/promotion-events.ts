import type { DomainEvent } from '@storefront/kernel';
import type { PromotionTerms } from './promotion-terms';

/** A new promotion: ordering learns it and applies it to carts from its start. */
export interface PromotionActivated extends DomainEvent {
  type: 'PromotionActivated';
  terms: PromotionTerms;
}

/** An admin ended it: no cart gets it any more; orders that already redeemed it keep it. */
export interface PromotionEnded extends DomainEvent {
  type: 'PromotionEnded';
}

export type PromotionEvent = PromotionActivated | PromotionEnded;
