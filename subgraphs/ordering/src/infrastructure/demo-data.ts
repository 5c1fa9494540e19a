import { connectOrderingDb } from './ordering-database';
import { seedTaxRates } from './prisma-tax-rates';
import { seedPriceList, type CatalogProduct } from './seed-price-list';

/** What ordering reads of the shared demo list: the products it sells, at their list price, in their category. */
export interface OrderingDemoData {
  products: readonly CatalogProduct[];
}

/**
 * Writes the demo products into ordering's own price list, as catalog.product-created.v1 would (see
 * seedPriceList), and the tax rates of the demo destinations (see DEMO_TAX_RATES).
 */
export async function seedDemoData(databaseUrl: string, demo: OrderingDemoData): Promise<void> {
  const { db } = connectOrderingDb(databaseUrl);
  try {
    await seedPriceList(db, demo.products.map(({ id, sku, name, price, categoryId }) => ({ id, sku, name, price, categoryId: categoryId ?? null })));
    await seedTaxRates(db);
  } finally {
    await db.$disconnect();
  }
}
