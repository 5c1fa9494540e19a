import { normaliseCode, type Promotion, type PromotionCatalog, type PromotionCopies } from '../domain/promotion';
import type { OrderingDb } from './ordering-database';
import type { Prisma, PromotionCopy } from './prisma/generated/client';

const amount = (value: number | null, currency: string | null) => (value !== null && currency !== null ? { amount: value, currency } : null);

const toPromotion = (row: PromotionCopy): Promotion => ({
  promotionId: row.promotionId,
  code: row.code,
  description: row.description,
  kind: row.kind,
  percentOff: row.percentOff,
  amountOff: amount(row.amountOffAmount, row.amountOffCurrency),
  productIds: row.productIds,
  categoryIds: row.categoryIds,
  minimumSubtotal: amount(row.minimumSubtotalAmount, row.minimumSubtotalCurrency),
  startsAt: row.startsAt,
  endsAt: row.endsAt,
});

/** The promotions not ended: a handful at any time, read whole each time a cart is priced. */
export class PrismaPromotionCatalog implements PromotionCatalog {
  constructor(private readonly db: OrderingDb | Prisma.TransactionClient) {}

  async active(): Promise<Promotion[]> {
    return (await this.db.promotionCopy.findMany({ where: { endedAt: null } })).map(toPromotion);
  }

  async withCode(code: string): Promise<Promotion | null> {
    const row = await this.db.promotionCopy.findFirst({ where: { code: normaliseCode(code), endedAt: null }, orderBy: { startsAt: 'desc' } });
    return row ? toPromotion(row) : null;
  }
}

/** Works inside the transaction of the promotions event being handled. */
export class PrismaPromotionCopies implements PromotionCopies {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async learn(promotion: Promotion): Promise<void> {
    await this.tx.promotionCopy.createMany({
      skipDuplicates: true,
      data: [
        {
          promotionId: promotion.promotionId,
          code: promotion.code,
          description: promotion.description,
          kind: promotion.kind,
          percentOff: promotion.percentOff,
          amountOffAmount: promotion.amountOff?.amount ?? null,
          amountOffCurrency: promotion.amountOff?.currency ?? null,
          productIds: [...promotion.productIds],
          categoryIds: [...promotion.categoryIds],
          minimumSubtotalAmount: promotion.minimumSubtotal?.amount ?? null,
          minimumSubtotalCurrency: promotion.minimumSubtotal?.currency ?? null,
          startsAt: promotion.startsAt,
          endsAt: promotion.endsAt,
        },
      ],
    });
  }

  /** An end heard of before the activation leaves a placeholder row, so that the late activation changes nothing. */
  async end(promotionId: string, at: Date): Promise<void> {
    await this.tx.promotionCopy.upsert({
      where: { promotionId },
      update: { endedAt: at },
      create: { promotionId, description: '(ended before its activation arrived)', kind: 'PERCENT_OFF', percentOff: 1, productIds: [], categoryIds: [], startsAt: at, endedAt: at },
    });
  }
}
