import { connectCatalogDb } from './catalog-database';

/** What catalog reads of the shared demo list: the categories and the products it sells. */
export interface CatalogDemoData {
  categories: readonly { id: string; slug: string; name: string }[];
  products: readonly {
    id: string;
    sku: string;
    name: string;
    description: string;
    categoryId: string;
    imageUrls: readonly string[];
    price: { amount: number; currency: string };
  }[];
}

/**
 * Writes the demo categories and products, all active, into catalog's own database. Rows keep the
 * demo list's stable ids and are only inserted, so seeding again adds nothing and never undoes an
 * edit made since.
 */
export async function seedDemoData(databaseUrl: string, demo: CatalogDemoData): Promise<void> {
  const { db } = connectCatalogDb(databaseUrl);
  try {
    await db.category.createMany({ data: demo.categories.map(({ id, slug, name }) => ({ id, slug, name })), skipDuplicates: true });
    await db.product.createMany({
      skipDuplicates: true,
      data: demo.products.map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        description: p.description,
        categoryId: p.categoryId,
        imageUrls: [...p.imageUrls],
        priceAmount: p.price.amount,
        priceCurrency: p.price.currency,
        status: 'ACTIVE' as const,
      })),
    });
  } finally {
    await db.$disconnect();
  }
}
