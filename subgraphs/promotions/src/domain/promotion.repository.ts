import type { Promotion } from './promotion.aggregate';

/** Stores promotions with the events they recorded, in one transaction. */
export interface PromotionRepository {
  /** The promotion, or null when there is none with that id (any string is a valid question). */
  findById(id: string): Promise<Promotion | null>;
  add(promotion: Promotion): Promise<void>;
}
