import type { Environment } from '@storefront/kernel';
import { readLocked } from '@storefront/platform';
import type { StockLevel } from '../domain/stock-level.aggregate';
import type { StockLevelKey, StockLevelRepository, WarehouseDirectory } from '../domain/stock-level.repository';
import type { InventoryDb } from './inventory-database';
import { toDomain, toMovement, toPersistence } from './stock-level.mapper';
import type { Prisma } from './prisma/generated/client';

/** Stock levels inside one transaction: a level's new state and its movements commit together. */
export class PrismaStockLevelRepository implements StockLevelRepository {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly env: Pick<Environment, 'newId'>,
  ) {}

  async lockFor({ productId, warehouseId }: StockLevelKey): Promise<StockLevel | null> {
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM stock_levels WHERE product_id = ${productId} AND warehouse_id = ${warehouseId} FOR UPDATE`, async () =>
      toDomain(await this.tx.stockLevel.findUniqueOrThrow({ where: { productId_warehouseId: { productId, warehouseId } } })),
    );
  }

  /** Insert-or-ignore: two first receipts racing queue on the key, and the second then finds the first's record. */
  async open(level: StockLevel): Promise<boolean> {
    const state = level.snapshot();
    const { count } = await this.tx.stockLevel.createMany({
      data: [{ productId: state.productId, warehouseId: state.warehouseId, ...toPersistence(state) }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await this.writeMovements(level);
    return true;
  }

  async save(level: StockLevel): Promise<void> {
    const state = level.snapshot();
    await this.tx.stockLevel.update({
      where: { productId_warehouseId: { productId: state.productId, warehouseId: state.warehouseId } },
      data: { ...toPersistence(state), version: { increment: 1 } },
    });
    await this.writeMovements(level);
  }

  private async writeMovements(level: StockLevel): Promise<void> {
    const movements = level.pullEvents().flatMap((event) => toMovement(event, this.env.newId()) ?? []);
    if (movements.length > 0) await this.tx.stockMovement.createMany({ data: movements });
  }
}

export class PrismaWarehouseDirectory implements WarehouseDirectory {
  constructor(private readonly db: InventoryDb) {}

  async exists(id: string): Promise<boolean> {
    return (await this.db.warehouse.count({ where: { id } })) > 0;
  }
}
