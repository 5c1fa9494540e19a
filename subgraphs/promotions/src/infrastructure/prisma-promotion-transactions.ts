import type { PromotionStore, PromotionTransactions } from '../application/promotion-transactions';
import type { Prisma } from './prisma/generated/client';
import { PrismaOrderRedemptionRepository } from './prisma-order-redemption.repository';
import { PrismaPromotionRepository } from './prisma-promotion.repository';
import type { PromotionsDb } from './promotions-database';

/** The promotions and redemptions as one transaction sees them; `causationId` names the event being handled, if any. */
export function promotionStore(tx: Prisma.TransactionClient, causationId: string | null = null): PromotionStore {
  return { promotions: new PrismaPromotionRepository(tx), redemptions: new PrismaOrderRedemptionRepository(tx, causationId) };
}

export class PrismaPromotionTransactions implements PromotionTransactions {
  constructor(private readonly db: PromotionsDb) {}

  run<T>(work: (store: PromotionStore) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(promotionStore(tx)));
  }
}
