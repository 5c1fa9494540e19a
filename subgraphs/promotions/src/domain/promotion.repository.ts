import type { AggregateStore } from '@storefront/kernel';
import type { Promotion } from './promotion.aggregate';

/**
 * Stores promotions with the events they recorded, in the caller's transaction (`lockFor` and
 * `save` as every aggregate store, docs/adr/0005-one-way-to-change-an-aggregate.md).
 */
export interface PromotionRepository extends AggregateStore<Promotion> {
  /** Stores a new promotion; its events go out with it. */
  add(promotion: Promotion): Promise<void>;
  /**
   * Loads those that exist under row locks held until the transaction ends, taken in id order so
   * that two orders redeeming the same promotions never wait for each other in a circle.
   */
  lockAll(ids: readonly string[]): Promise<Promotion[]>;
  /**
   * Locks the code until the transaction ends (two admins creating one code wait for each other)
   * and gives the promotions with it that no admin has ended (their periods may be over).
   */
  lockCode(code: string): Promise<Promotion[]>;
}
