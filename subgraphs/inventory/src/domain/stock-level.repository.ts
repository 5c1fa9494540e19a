import type { StockLevel } from './stock-level.aggregate';

/**
 * Stores stock levels, each change together with its movement in the audit trail. `add` and `save`
 * fail with ConcurrentModificationError when another writer created or changed the record first.
 */
export interface StockLevelRepository {
  find(productId: string, warehouseId: string): Promise<StockLevel | null>;
  /** Stores a product's first record in a warehouse. */
  add(level: StockLevel): Promise<void>;
  save(level: StockLevel): Promise<void>;
}

/** Tells whether a warehouse exists, so no unit is ever counted in a place that is not there. */
export interface WarehouseDirectory {
  exists(id: string): Promise<boolean>;
}
