import { ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import { Promotion, type PromotionState } from '../../domain/promotion.aggregate';
import { parsePromotionTerms, type PromotionInput } from '../../domain/promotion-terms';
import type { PromotionStore } from '../promotion-store';

/**
 * Admin: a new promotion, published as activated in the same transaction. Its code is checked
 * against the other promotions with that code under a lock on the code, so two admins creating
 * one code at once create it once.
 */
export class CreatePromotion {
  constructor(
    private readonly transactions: Transactions<PromotionStore>,
    private readonly env: Environment,
  ) {}

  async execute(input: PromotionInput): Promise<Result<PromotionState>> {
    const now = this.env.now();
    const terms = parsePromotionTerms(input, now);
    if (!terms.ok) return terms;
    return this.transactions.run(async ({ promotions }) => {
      const sameCode = terms.value.code === null ? [] : await promotions.lockCode(terms.value.code);
      const created = Promotion.create(this.env.newId(), terms.value, sameCode, now);
      if (!created.ok) return created;
      await promotions.add(created.value);
      return ok(created.value.snapshot());
    });
  }
}
