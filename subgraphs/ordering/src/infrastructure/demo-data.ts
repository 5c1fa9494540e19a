import { connectOrderingDb } from './ordering-database';
import { seedPriceList, type CatalogProduct } from './seed-price-list';

/** What ordering reads of the shared demo list: the products it sells, at their list price. */
export interface OrderingDemoData {
  products: readonly CatalogProduct[];
}

/** Writes the demo products into ordering's own price list, as catalog.product-created.v1 would (see seedPriceList). */
export async function seedDemoData(databaseUrl: string, demo: OrderingDemoData): Promise<void> {
  const { db } = connectOrderingDb(databaseUrl);
  try {
    await seedPriceList(db, demo.products.map(({ id, sku, name, price }) => ({ id, sku, name, price })));
  } finally {
    await db.$disconnect();
  }
}
