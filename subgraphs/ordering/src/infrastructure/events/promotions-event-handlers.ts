import { PromotionActivatedV1, PromotionEndedV1, PromotionsRedeemedV1, RedemptionRefusedV1 } from '@storefront/events';
import type { Environment } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import { KeepPromotionsCurrent } from '../../application/keep-promotions-current/keep-promotions-current.use-case';
import { RecordRedemptionOutcome } from '../../application/record-redemption-outcome/record-redemption-outcome.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderRepository } from '../prisma-order.repository';
import { PrismaPromotionCopies } from '../prisma-promotions';

type Tx = Prisma.TransactionClient;

const promotions = (tx: Tx) => new KeepPromotionsCurrent(new PrismaPromotionCopies(tx));

/**
 * Promotions' words translated into ordering's: what a promotion takes off which carts (whether
 * its use is limited is promotions' business), and its answer to an order that applied promotions.
 */
export function promotionsEventHandlers(env: Environment) {
  const redemption = (tx: Tx, eventId: string) => new RecordRedemptionOutcome(new PrismaOrderRepository(tx, env, eventId), env);
  return [
    on(PromotionActivatedV1, async ({ payload }, tx: Tx) =>
      promotions(tx).activated({
        promotionId: payload.promotionId,
        code: payload.code,
        description: payload.description,
        kind: payload.kind,
        percentOff: payload.percentOff,
        amountOff: payload.amountOff,
        productIds: payload.productIds,
        categoryIds: payload.categoryIds,
        minimumSubtotal: payload.minimumSubtotal,
        startsAt: new Date(payload.startsAt),
        endsAt: payload.endsAt === null ? null : new Date(payload.endsAt),
      }),
    ),
    on(PromotionEndedV1, async ({ payload, occurredAt }, tx: Tx) => promotions(tx).ended(payload.promotionId, new Date(occurredAt))),
    on(PromotionsRedeemedV1, async ({ id, payload }, tx: Tx) => {
      await redemption(tx, id).redeemed(payload.orderId);
    }),
    on(RedemptionRefusedV1, async ({ id, payload }, tx: Tx) => {
      await redemption(tx, id).refused(payload.orderId, payload.code, payload.reason);
    }),
  ];
}
