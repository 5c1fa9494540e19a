import type { ProductRegister, StockKeepingUnit, StockKeepingUnitRepository } from '../domain/stock-keeping-unit';
import type { InventoryDb } from './inventory-database';
import type { Prisma } from './prisma/generated/client';

export class PrismaStockKeepingUnits implements StockKeepingUnitRepository {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async find(productId: string): Promise<StockKeepingUnit | null> {
    const row = await this.tx.stockKeepingUnit.findUnique({ where: { productId } });
    return row && { productId: row.productId, sku: row.sku, catalogVersion: row.catalogVersion, discontinuedAt: row.discontinuedAt };
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
