import type { DomainEvent } from '@storefront/kernel';

export interface PromotionCreated extends DomainEvent {
  type: 'PromotionCreated';
  name: string;
}

export type PromotionEvent = PromotionCreated;
