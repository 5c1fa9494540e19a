import type { AggregateStore } from '@storefront/kernel';
import type { OrderRedemption } from './order-redemption.aggregate';

/**
 * Stores what each order redeemed, in the caller's transaction. `lockFor` takes a lock on the
 * order id (null when promotions never heard of the order), so placed and cancelled queue.
 */
export interface OrderRedemptionRepository extends AggregateStore<OrderRedemption> {
  /** Per promotion, how many orders of the customer hold a redemption of it now. */
  heldByCustomer(customerId: string, promotionIds: readonly string[]): Promise<Map<string, number>>;
}
