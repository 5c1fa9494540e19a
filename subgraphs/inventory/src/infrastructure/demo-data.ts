import { stableUuid } from '@storefront/platform';
import { connectInventoryDb } from './inventory-database';

/** What inventory reads of the shared demo list: its warehouses, and each product's stock in them. */
export interface InventoryDemoData {
  warehouses: readonly { id: string; name: string; country: string }[];
  products: readonly { id: string; sku: string; stock: Readonly<Record<string, number>> }[];
}

/**
 * Writes the demo warehouses and stock into inventory's own database. The stock-keeping units are
 * written as catalog.product-created.v1's handler writes them (catalog version 0), so demo products
 * behave like products created live; the stock arrives as receipts. Rows have stable ids and are
 * only inserted, so seeding again adds nothing and never undoes a movement made since.
 */
export async function seedDemoData(databaseUrl: string, demo: InventoryDemoData): Promise<void> {
  const { db } = connectInventoryDb(databaseUrl);
  try {
    await db.stockKeepingUnit.createMany({ data: demo.products.map((p) => ({ productId: p.id, sku: p.sku, catalogVersion: 0 })), skipDuplicates: true });
    await db.warehouse.createMany({ data: demo.warehouses.map(({ id, name, country }) => ({ id, name, country })), skipDuplicates: true });
    const receipts = demo.products.flatMap((p) => Object.entries(p.stock).map(([warehouseId, onHand]) => ({ productId: p.id, warehouseId, onHand })));
    await db.stockLevel.createMany({ data: receipts, skipDuplicates: true });
    await db.stockMovement.createMany({
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
  } finally {
    await db.$disconnect();
  }
}
