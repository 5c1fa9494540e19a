import { z } from 'zod';
import type { InventoryDb } from './inventory-database';
import type { Warehouse } from './prisma/generated/client';

export type WarehouseView = Warehouse;

export interface Counts {
  onHand: number;
  reserved: number;
  available: number;
}

export interface WarehouseStockView extends Counts {
  warehouseId: string;
}

/** A product's stock over all warehouses, and per warehouse. */
export interface StockView extends Counts {
  byWarehouse: WarehouseStockView[];
}

/** The raw stock read's rows, checked rather than cast: the database, not the compiler, says what they hold. */
const LevelRows = z.array(z.object({ productId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int() }));

/** The read side of inventory: stock and warehouses as the storefront shows them, straight from the tables. */
export class StockQueries {
  constructor(private readonly db: InventoryDb) {}

  /**
   * Stock of many products in one query, in the order asked. A product inventory has never heard of
   * has no stock: all zeros, no warehouses. Raw, with the ids as one array parameter (text, as the
   * column is): a page asks for a hundred products on every read, and the typed API's `in` list,
   * a parameter per id built and its rows mapped by the client, costs more of this process's CPU.
   */
  async stockByProductIds(productIds: readonly string[]): Promise<StockView[]> {
    if (productIds.length === 0) return [];
    const rows = LevelRows.parse(
      await this.db.$queryRaw`
      SELECT product_id AS "productId", warehouse_id AS "warehouseId", on_hand AS "onHand", reserved
        FROM stock_levels
       WHERE product_id = ANY(${[...productIds]}::text[])
       ORDER BY warehouse_id`,
    );
    const byProduct = new Map<string, WarehouseStockView[]>();
    for (const { productId, warehouseId, onHand, reserved } of rows) {
      const levels = byProduct.get(productId) ?? [];
      levels.push({ warehouseId, onHand, reserved, available: onHand - reserved });
      byProduct.set(productId, levels);
    }
    return productIds.map((id) => total(byProduct.get(id) ?? []));
  }

  async warehousesByIds(ids: readonly string[]): Promise<(WarehouseView | null)[]> {
    const rows = await this.db.warehouse.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  warehouses(): Promise<WarehouseView[]> {
    return this.db.warehouse.findMany({ orderBy: { id: 'asc' } });
  }
}

function total(byWarehouse: WarehouseStockView[]): StockView {
  const onHand = byWarehouse.reduce((sum, level) => sum + level.onHand, 0);
  const reserved = byWarehouse.reduce((sum, level) => sum + level.reserved, 0);
  return { onHand, reserved, available: onHand - reserved, byWarehouse };
}
