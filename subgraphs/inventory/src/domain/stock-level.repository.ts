import type { AggregateStore } from '@storefront/kernel';
import type { StockLevel } from './stock-level.aggregate';

/** Names one product's record in one warehouse. */
export interface StockLevelKey {
  productId: string;
  warehouseId: string;
}

/** Stores stock levels inside one transaction, each change together with its movements in the audit trail. */
export interface StockLevelRepository extends AggregateStore<StockLevel, StockLevelKey> {
  /** Stores a newly opened record, with its first change, unless the product already has one in that warehouse; false when it had. */
  open(level: StockLevel): Promise<boolean>;
}

/** Tells whether a warehouse exists, so no unit is ever counted in a place that is not there. */
export interface WarehouseDirectory {
  exists(id: string): Promise<boolean>;
}
