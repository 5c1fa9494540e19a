import { ConcurrentModificationError, type Environment, type Result } from '@storefront/kernel';
import { stockLevelKey, type StockLevel } from '../domain/stock-level.aggregate';
import type { StockLevelChange, StockLevelRepository, WarehouseDirectory } from '../domain/stock-level.repository';
import type { InventoryDb } from './inventory-database';
import { toDomain, toMovement, toPersistence } from './stock-level.mapper';
import { Prisma, type StockLevel as StockLevelRow } from './prisma/generated/client';

type Movement = Prisma.StockMovementCreateManyInput;

export class PrismaStockLevelRepository implements StockLevelRepository {
  constructor(
    private readonly db: InventoryDb,
    private readonly env: Environment,
  ) {}

  async update(productId: string, warehouseId: string, change: StockLevelChange): Promise<Result<StockLevel>> {
    try {
      return await this.db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<StockLevelRow[]>`
          SELECT product_id AS "productId", warehouse_id AS "warehouseId", on_hand AS "onHand", reserved, version, updated_at AS "updatedAt"
          FROM stock_levels WHERE product_id = ${productId} AND warehouse_id = ${warehouseId} FOR UPDATE`;
        const current = rows[0] ? toDomain(rows[0]) : null;
        const decided = change(current);
        if (!decided.ok) return decided;
        const state = decided.value.snapshot();
        const data = toPersistence(state);
        if (current) {
          await tx.stockLevel.update({ where: { productId_warehouseId: { productId, warehouseId } }, data: { ...data, version: { increment: 1 } } });
        } else {
          await tx.stockLevel.create({ data: { productId, warehouseId, ...data } });
        }
        await writeMovements(tx, this.movementsOf(decided.value));
        return decided;
      });
    } catch (error) {
      // Another first receipt opened the record in between: start over from the stored one.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConcurrentModificationError('StockLevel', stockLevelKey(productId, warehouseId));
      }
      throw error;
    }
  }

  /** Takes the level's events; a failed write rolls back, and a retry decides afresh from the stored record. */
  private movementsOf(level: StockLevel): Movement[] {
    return level.pullEvents().flatMap((event) => toMovement(event, this.env.newId()) ?? []);
  }
}

async function writeMovements(tx: Prisma.TransactionClient, movements: Movement[]): Promise<void> {
  if (movements.length > 0) await tx.stockMovement.createMany({ data: movements });
}

export class PrismaWarehouseDirectory implements WarehouseDirectory {
  constructor(private readonly db: InventoryDb) {}

  async exists(id: string): Promise<boolean> {
    return (await this.db.warehouse.count({ where: { id } })) > 0;
  }
}
