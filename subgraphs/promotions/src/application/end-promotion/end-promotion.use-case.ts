import { changeAggregate, fail, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import type { PromotionState } from '../../domain/promotion.aggregate';
import type { PromotionStore } from '../promotion-store';

/** Admin: ends a promotion now, published as ended in the same transaction; orders that redeemed it keep it. */
export class EndPromotion {
  constructor(
    private readonly transactions: Transactions<PromotionStore>,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async execute(id: string): Promise<Result<PromotionState>> {
    const ended = await this.transactions.run(({ promotions }) =>
      changeAggregate(promotions, id, (promotion) => promotion.end(this.env.now()), () => fail('PROMOTION_NOT_FOUND', `There is no promotion ${id}.`, 'id')),
    );
    return ended.ok ? ok(ended.value.snapshot()) : ended;
  }
}
