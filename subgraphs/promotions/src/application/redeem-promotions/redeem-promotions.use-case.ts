import { OrderRedemption, type PlacedOrder } from '../../domain/order-redemption.aggregate';
import type { PromotionStore } from '../promotion-store';

/**
 * A placed order's promotions are redeemed, all or none, under the order's lock and the
 * promotions' row locks (so racing orders take a limited promotion's places one at a time).
 * An order with no promotions has nothing to redeem; one heard of before (placed twice, or
 * cancelled first) redeems nothing.
 */
export class RedeemPromotions {
  constructor(private readonly store: PromotionStore) {}

  async execute(order: PlacedOrder): Promise<void> {
    if (order.promotionIds.length === 0) return;
    const { promotions, redemptions } = this.store;
    if (await redemptions.lockFor(order.orderId)) return;
    const locked = await promotions.lockAll(order.promotionIds);
    const held = await redemptions.heldByCustomer(order.customerId, order.promotionIds);
    const redemption = OrderRedemption.redeem(order, locked, held);
    await redemptions.save(redemption);
    if (redemption.status === 'REDEEMED') for (const promotion of locked) await promotions.save(promotion);
  }
}
