import type { ProductRegister, StockKeepingUnit, StockKeepingUnitRepository } from '../domain/stock-keeping-unit';
import type { InventoryDb } from './inventory-database';
import type { Prisma } from './prisma/generated/client';

export class PrismaStockKeepingUnits implements StockKeepingUnitRepository {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /** Locks the row until the transaction ends, so two changes to one product apply one after the other. */
  async find(productId: string): Promise<StockKeepingUnit | null> {
    const rows = await this.tx.$queryRaw<StockKeepingUnit[]>`
      SELECT product_id AS "productId", sku, catalog_version AS "catalogVersion", discontinued_at AS "discontinuedAt"
      FROM stock_keeping_units WHERE product_id = ${productId} FOR UPDATE`;
    return rows[0] ?? null;
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
