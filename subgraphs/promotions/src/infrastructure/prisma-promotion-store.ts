import type { PromotionStore } from '../application/promotion-store';
import type { Prisma } from './prisma/generated/client';
import { PrismaOrderRedemptionRepository } from './prisma-order-redemption.repository';
import { PrismaPromotionRepository } from './prisma-promotion.repository';

/** The promotions and redemptions as one transaction sees them; `causationId` names the event being handled, if any. */
export function promotionStore(tx: Prisma.TransactionClient, causationId: string | null = null): PromotionStore {
  return { promotions: new PrismaPromotionRepository(tx), redemptions: new PrismaOrderRedemptionRepository(tx, causationId) };
}
