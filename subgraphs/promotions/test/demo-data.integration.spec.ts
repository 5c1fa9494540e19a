import { stableUuid } from '@storefront/platform';
import { seedDemoData } from '../src/infrastructure/demo-data';
import { connectPromotionsDb } from '../src/infrastructure/promotions-database';
import { scratchDatabase, type ScratchDatabase } from '../../../test/support/scratch-subgraph';

const categories = [
  { id: stableUuid('category:kitchen'), slug: 'kitchen', name: 'Kitchen' },
  { id: stableUuid('category:home'), slug: 'home', name: 'Home' },
];

let database: ScratchDatabase;

beforeAll(async () => {
  database = await scratchDatabase('promotions', 'demo');
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

describe("promotions' demo data", () => {
  it('creates an automatic 10 % off the kitchen and the coupon WELCOME5, announced through the outbox, once however often it is seeded', async () => {
    await seedDemoData(database.url, { categories });
    await seedDemoData(database.url, { categories });

    const { db } = connectPromotionsDb(database.url);
    try {
      const promotions = await db.promotion.findMany({ orderBy: { code: 'asc' } });
      expect(promotions.map(({ id, code, kind, percentOff, amountOffAmount, amountOffCurrency, categoryIds }) => ({ id, code, kind, percentOff, amountOffAmount, amountOffCurrency, categoryIds }))).toEqual([
        { id: stableUuid('promotion:WELCOME5'), code: 'WELCOME5', kind: 'AMOUNT_OFF', percentOff: null, amountOffAmount: 500, amountOffCurrency: 'EUR', categoryIds: [] },
        { id: stableUuid('promotion:kitchen-10'), code: null, kind: 'PERCENT_OFF', percentOff: 10, amountOffAmount: null, amountOffCurrency: null, categoryIds: [categories[0]!.id] },
      ]);
      const outbox = await db.outboxEvent.findMany({ select: { type: true, aggregateId: true } });
      expect(outbox).toHaveLength(2);
      expect(outbox.every((event) => event.type === 'promotions.promotion-activated.v1')).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });
});
