import type { Environment } from '@storefront/kernel';
import { OrderRedemption } from '../../domain/order-redemption.aggregate';
import type { PromotionStore } from '../promotion-store';

/**
 * An order was cancelled or rejected: the promotions it redeemed get their places back. One
 * promotions has not seen placed yet is remembered as closed, so that a late order-placed
 * redeems nothing for it.
 */
export class GiveBackRedemptions {
  constructor(
    private readonly store: PromotionStore,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<void> {
    const { promotions, redemptions } = this.store;
    const now = this.env.now();
    const redemption = (await redemptions.lockFor(orderId)) ?? OrderRedemption.closedBeforePlaced(orderId, now);
    const held = await promotions.lockAll(redemption.heldPromotionIds);
    redemption.giveBack(held, now);
    await redemptions.save(redemption);
    for (const promotion of held) await promotions.save(promotion);
  }
}
