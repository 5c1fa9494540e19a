import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as CatalogClient } from '../../subgraphs/catalog/src/infrastructure/prisma/generated/client';
import { PrismaClient as InventoryClient } from '../../subgraphs/inventory/src/infrastructure/prisma/generated/client';
import { PrismaClient as ShippingClient } from '../../subgraphs/shipping/src/infrastructure/prisma/generated/client';
import { seedDefaultRates } from '../../subgraphs/shipping/src/infrastructure/default-rate-table';
import type { ContextUrls } from '../system/contexts';
import { PrismaClient as OrderingClient } from '../../subgraphs/ordering/src/infrastructure/prisma/generated/client';
import { seedPriceList } from '../../subgraphs/ordering/src/infrastructure/seed-price-list';
import { seedTaxRates } from '../../subgraphs/ordering/src/infrastructure/prisma-tax-rates';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_WAREHOUSES, stableUuid } from './demo-products';

export type SeedUrls = Pick<ContextUrls, 'catalog' | 'inventory' | 'shipping' | 'ordering'>;

/**
 * Loads the demo data into each context's own database. Rows have stable ids and are only ever
 * inserted (skipDuplicates), so seeding again adds nothing and never undoes what someone changed.
 * What inventory and shipping would have learned from catalog.product-created.v1 is written as the
 * event's handlers write it (catalog version 0), so demo products behave like products created live.
 */
export async function seedDemoData(urls: SeedUrls): Promise<{ products: number }> {
  const catalog = new CatalogClient({ adapter: new PrismaPg({ connectionString: urls.catalog }) });
  const inventory = new InventoryClient({ adapter: new PrismaPg({ connectionString: urls.inventory }) });
  const shipping = new ShippingClient({ adapter: new PrismaPg({ connectionString: urls.shipping }) });
  const ordering = new OrderingClient({ adapter: new PrismaPg({ connectionString: urls.ordering }) });
  try {
    await catalog.category.createMany({ data: DEMO_CATEGORIES, skipDuplicates: true });
    await catalog.product.createMany({
      skipDuplicates: true,
      data: DEMO_PRODUCTS.map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        description: p.description,
        categoryId: p.categoryId,
        imageUrls: p.imageUrls,
        priceAmount: p.price.amount,
        priceCurrency: p.price.currency,
        status: 'ACTIVE' as const,
      })),
    });

    const learned = DEMO_PRODUCTS.map((p) => ({ productId: p.id, sku: p.sku, catalogVersion: 0 }));
    await inventory.stockKeepingUnit.createMany({ data: learned, skipDuplicates: true });
    await inventory.warehouse.createMany({ data: [...DEMO_WAREHOUSES], skipDuplicates: true });
    const receipts = DEMO_PRODUCTS.flatMap((p) => Object.entries(p.stock).map(([warehouseId, onHand]) => ({ productId: p.id, warehouseId, onHand })));
    await inventory.stockLevel.createMany({ data: receipts, skipDuplicates: true });
    await inventory.stockMovement.createMany({
      skipDuplicates: true,
      data: receipts.map((r) => ({
        id: stableUuid(`receipt:${r.productId}:${r.warehouseId}`),
        productId: r.productId,
        warehouseId: r.warehouseId,
        kind: 'RECEIVED' as const,
        quantity: r.onHand,
        reason: 'demo data',
      })),
    });

    await seedDefaultRates(shipping);
    await shipping.shippableProduct.createMany({
      data: DEMO_PRODUCTS.map((p) => ({ productId: p.id, sku: p.sku, name: p.name, catalogVersion: 0 })),
      skipDuplicates: true,
    });
    await shipping.parcelProfile.createMany({ data: DEMO_PRODUCTS.map((p) => ({ productId: p.id, ...p.parcel })), skipDuplicates: true });
    await seedPriceList(ordering, DEMO_PRODUCTS);
    await seedTaxRates(ordering);
    return { products: DEMO_PRODUCTS.length };
  } finally {
    await Promise.all([catalog.$disconnect(), inventory.$disconnect(), shipping.$disconnect(), ordering.$disconnect()]);
  }
}
