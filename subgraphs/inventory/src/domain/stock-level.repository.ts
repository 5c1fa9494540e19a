import type { Result } from '@storefront/kernel';
import type { StockLevel } from './stock-level.aggregate';

/** Decides a record's next state from its current one (null when the product was never stocked there). */
export type StockLevelChange = (current: StockLevel | null) => Result<StockLevel>;

/**
 * Stores stock levels, each change together with its movement in the audit trail.
 * `update` holds the record's row lock while the change is decided and stored, so concurrent
 * writers of one record queue behind each other instead of overwriting one another. It fails with
 * ConcurrentModificationError only when two writers open the same record at the same moment.
 */
export interface StockLevelRepository {
  update(productId: string, warehouseId: string, change: StockLevelChange): Promise<Result<StockLevel>>;
}

/** Tells whether a warehouse exists, so no unit is ever counted in a place that is not there. */
export interface WarehouseDirectory {
  exists(id: string): Promise<boolean>;
}
