import type { OrderingDb } from './ordering-database';

export interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  price: { amount: number; currency: string };
  categoryId?: string | null;
}

/**
 * Writes products into the price list as catalog.product-created.v1 would (catalog version 0),
 * for demo data that never went through the catalog's events. Only inserts: seeding again adds
 * nothing and never undoes a price the events have changed since. Returns how many were added.
 */
export async function seedPriceList(db: OrderingDb, products: readonly CatalogProduct[]): Promise<number> {
  const { count } = await db.priceListEntry.createMany({
    skipDuplicates: true,
    data: products.map((p) => ({ productId: p.id, sku: p.sku, name: p.name, priceAmount: p.price.amount, priceCurrency: p.price.currency, categoryId: p.categoryId ?? null, catalogVersion: 0 })),
  });
  return count;
}
