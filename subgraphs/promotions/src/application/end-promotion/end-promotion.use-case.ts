import { fail, ok, type Result, type Environment } from '@storefront/kernel';
import type { PromotionState } from '../../domain/promotion.aggregate';
import type { PromotionTransactions } from '../promotion-transactions';

/** Admin: ends a promotion now, published as ended in the same transaction; orders that redeemed it keep it. */
export class EndPromotion {
  constructor(
    private readonly transactions: PromotionTransactions,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  execute(id: string): Promise<Result<PromotionState>> {
    return this.transactions.run(async ({ promotions }) => {
      const promotion = await promotions.lockFor(id);
      if (!promotion) return fail('PROMOTION_NOT_FOUND', `There is no promotion ${id}.`, 'id');
      const ended = promotion.end(this.env.now());
      if (!ended.ok) return ended;
      await promotions.save(promotion);
      return ok(promotion.snapshot());
    });
  }
}
