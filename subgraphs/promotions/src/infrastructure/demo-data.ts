import { prismaTransactions, stableUuid } from '@storefront/platform';
import { CreatePromotion } from '../application/create-promotion/create-promotion.use-case';
import type { PromotionInput } from '../domain/promotion-terms';
import { promotionStore } from './prisma-promotion-store';
import { connectPromotionsDb } from './promotions-database';

/** What promotions reads of the shared demo list: the categories, to discount one of them. */
export interface PromotionsDemoData {
  categories: readonly { id: string; slug: string; name: string }[];
}

/** The category the automatic demo promotion discounts. */
const DISCOUNTED_CATEGORY = 'kitchen';

/** The demo promotions, with stable ids: an automatic 10 % off one category, and the coupon WELCOME5 (5 EUR off, the demo prices being in EUR). */
export function demoPromotions(demo: PromotionsDemoData): { id: string; input: PromotionInput }[] {
  const category = demo.categories.find((c) => c.slug === DISCOUNTED_CATEGORY);
  const automatic = category
    ? [{ id: stableUuid(`promotion:${category.slug}-10`), input: { description: `10 % off everything ${category.name}`, kind: 'PERCENT_OFF' as const, value: 10, categoryIds: [category.id] } }]
    : [];
  const welcome = { id: stableUuid('promotion:WELCOME5'), input: { code: 'WELCOME5', description: '5 € off your order', kind: 'AMOUNT_OFF' as const, value: 500, currency: 'EUR' } };
  return [...automatic, welcome];
}

/**
 * Creates the demo promotions that do not exist yet, as an admin would (CreatePromotion): each
 * one's activation goes to promotions' own outbox with it, so ordering learns of them through the
 * relay like any other. Only inserts: seeding again adds nothing, never revives a demo promotion
 * an admin ended, and leaves WELCOME5 alone when an admin already made a promotion with that code.
 */
export async function seedDemoData(databaseUrl: string, demo: PromotionsDemoData): Promise<void> {
  const { db } = connectPromotionsDb(databaseUrl);
  try {
    const transactions = prismaTransactions(db, (tx) => promotionStore(tx));
    for (const { id, input } of demoPromotions(demo)) {
      if ((await db.promotion.count({ where: { id } })) > 0) continue;
      const created = await new CreatePromotion(transactions, { now: () => new Date(), newId: () => id }).execute(input);
      if (!created.ok && created.error.code !== 'DUPLICATE_CODE') throw new Error(`Demo promotion ${id}: ${created.error.message}`);
    }
  } finally {
    await db.$disconnect();
  }
}
