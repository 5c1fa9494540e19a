import type { OrderRedemption } from './order-redemption.aggregate';

/** Stores what each order redeemed, in the caller's transaction. */
export interface OrderRedemptionRepository {
  /** Loads under a row lock held until the transaction ends; null when promotions never heard of the order. */
  lockFor(orderId: string): Promise<OrderRedemption | null>;
  /** Per promotion, how many orders of the customer hold a redemption of it now. */
  heldByCustomer(customerId: string, promotionIds: readonly string[]): Promise<Map<string, number>>;
  save(redemption: OrderRedemption): Promise<void>;
}
