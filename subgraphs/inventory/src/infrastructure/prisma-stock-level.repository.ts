import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '@storefront/kernel';
import { stockLevelKey, type StockLevel } from '../domain/stock-level.aggregate';
import type { StockLevelRepository, WarehouseDirectory } from '../domain/stock-level.repository';
import type { InventoryDb } from './inventory-database';
import { toDomain, toMovement, toPersistence } from './stock-level.mapper';
import { Prisma } from './prisma/generated/client';

type Movement = Prisma.StockMovementCreateManyInput;

export class PrismaStockLevelRepository implements StockLevelRepository {
  constructor(
    private readonly db: InventoryDb,
    private readonly newId: () => string = randomUUID,
  ) {}

  async find(productId: string, warehouseId: string): Promise<StockLevel | null> {
    const row = await this.db.stockLevel.findUnique({ where: { productId_warehouseId: { productId, warehouseId } } });
    return row ? toDomain(row) : null;
  }

  async add(level: StockLevel): Promise<void> {
    const state = level.snapshot();
    const movements = this.movementsOf(level);
    try {
      await this.db.$transaction(async (tx) => {
        await tx.stockLevel.create({ data: { productId: state.productId, warehouseId: state.warehouseId, ...toPersistence(state) } });
        await writeMovements(tx, movements);
      });
    } catch (error) {
      // Another first receipt created the record in between: start over from the stored one.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConcurrentModificationError('StockLevel', stockLevelKey(state.productId, state.warehouseId));
      }
      throw error;
    }
  }

  async save(level: StockLevel): Promise<void> {
    const state = level.snapshot();
    const movements = this.movementsOf(level);
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.stockLevel.updateMany({
        where: { productId: state.productId, warehouseId: state.warehouseId, version: state.version },
        data: { ...toPersistence(state), version: { increment: 1 } },
      });
      if (count === 0) throw new ConcurrentModificationError('StockLevel', stockLevelKey(state.productId, state.warehouseId));
      await writeMovements(tx, movements);
    });
  }

  /** Takes the level's events; a failed write discards the aggregate, which is loaded afresh on retry. */
  private movementsOf(level: StockLevel): Movement[] {
    return level.pullEvents().flatMap((event) => toMovement(event, this.newId()) ?? []);
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
