import type { Environment } from '@storefront/kernel';
import { OrderCancelledV1, OrderPlacedV2, OrderRejectedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { GiveBackRedemptions } from '../../application/give-back-redemptions/give-back-redemptions.use-case';
import { RedeemPromotions } from '../../application/redeem-promotions/redeem-promotions.use-case';
import type { Prisma } from '../prisma/generated/client';
import { promotionStore } from '../prisma-promotion-store';

type Tx = Prisma.TransactionClient;

/**
 * Ordering's words translated into promotions': a placed order is a customer and the promotions it
 * applied, at the moment it was placed; a cancelled or rejected one gives them back.
 */
export function orderingEventHandlers(env: Pick<Environment, 'now'>) {
  const giveBack = async ({ id, payload }: { id: string; payload: { orderId: string } }, tx: Tx) =>
    new GiveBackRedemptions(promotionStore(tx, id), env).execute({ orderId: payload.orderId });
  return [
    on(OrderPlacedV2, async ({ id, occurredAt, payload }, tx: Tx) =>
      new RedeemPromotions(promotionStore(tx, id)).execute({
        orderId: payload.orderId,
        customerId: payload.customerId,
        promotionIds: payload.appliedPromotions.map((applied) => applied.promotionId),
        placedAt: new Date(occurredAt),
      }),
    ),
    on(OrderCancelledV1, giveBack),
    on(OrderRejectedV1, giveBack),
  ];
}
