import type { CatalogCopies } from '@storefront/kernel';
import { readLocked } from '@storefront/platform';
import type { ProductRegister, StockKeepingUnit } from '../domain/stock-keeping-unit';
import type { InventoryDb } from './inventory-database';
import type { Prisma } from './prisma/generated/client';

/** The products inventory knows; learning one also opens its stock records at zero in every warehouse. */
export class PrismaStockKeepingUnits implements CatalogCopies<StockKeepingUnit> {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /** Locks the row until the transaction ends, so two changes to one product apply one after the other. */
  async lockFor(productId: string): Promise<StockKeepingUnit | null> {
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM stock_keeping_units WHERE product_id = ${productId} FOR UPDATE`, () =>
      this.tx.stockKeepingUnit.findUniqueOrThrow({ where: { productId }, select: { productId: true, sku: true, catalogVersion: true, discontinuedAt: true } }),
    );
  }

  async learn(unit: StockKeepingUnit): Promise<void> {
    const { count } = await this.tx.stockKeepingUnit.createMany({ data: [unit], skipDuplicates: true });
    if (count === 0) return;
    const warehouses = await this.tx.warehouse.findMany({ select: { id: true } });
    await this.tx.stockLevel.createMany({
      data: warehouses.map((warehouse) => ({ productId: unit.productId, warehouseId: warehouse.id, onHand: 0 })),
      skipDuplicates: true,
    });
  }

  async save(unit: StockKeepingUnit): Promise<void> {
    await this.tx.stockKeepingUnit.update({
      where: { productId: unit.productId },
      data: { catalogVersion: unit.catalogVersion, discontinuedAt: unit.discontinuedAt },
    });
  }
}

export class PrismaProductRegister implements ProductRegister {
  constructor(private readonly db: InventoryDb) {}

  async isKnown(productId: string): Promise<boolean> {
    return (await this.db.stockKeepingUnit.count({ where: { productId } })) > 0;
  }
}
