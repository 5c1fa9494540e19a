import { ok, retryOnConcurrentModification, type Result } from '@storefront/kernel';
import type { StockLevel, StockLevelState } from '../domain/stock-level.aggregate';
import type { StockLevelRepository } from '../domain/stock-level.repository';

/**
 * Apply one aggregate method to the record (or take `whenMissing` when there is none yet) under
 * its row lock. Writers of an existing record simply wait their turn; only two first receipts
 * racing to open the same record retry, and the second attempt finds the record the first made.
 */
export function changeStockLevel(
  levels: StockLevelRepository,
  key: { productId: string; warehouseId: string },
  change: (level: StockLevel) => Result<void>,
  whenMissing: () => Result<StockLevel>,
): Promise<Result<StockLevelState>> {
  return retryOnConcurrentModification(async () => {
    const stored = await levels.update(key.productId, key.warehouseId, (current) => {
      const level = current ? ok(current) : whenMissing();
      if (!level.ok) return level;
      const changed = change(level.value);
      return changed.ok ? level : changed;
    });
    return stored.ok ? ok(stored.value.snapshot()) : stored;
  });
}
