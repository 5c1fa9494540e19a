import { normaliseCode, type Promotion, type PromotionCopies } from '../../domain/promotion';

/** Follows promotions: an activated promotion prices carts from now on, an ended one no longer does. */
export class KeepPromotionsCurrent {
  constructor(private readonly copies: PromotionCopies) {}

  activated(promotion: Promotion): Promise<void> {
    return this.copies.learn({ ...promotion, code: promotion.code === null ? null : normaliseCode(promotion.code) });
  }

  ended(promotionId: string, at: Date): Promise<void> {
    return this.copies.end(promotionId, at);
  }
}
