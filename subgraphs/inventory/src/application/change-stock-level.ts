import { changeAggregate, fail, ok, type Result, type Transactions } from '@storefront/kernel';
import type { StockLevel, StockLevelState } from '../domain/stock-level.aggregate';
import type { StockLevelKey, StockLevelRepository } from '../domain/stock-level.repository';

/**
 * Applies one aggregate method to the record under its row lock, so concurrent writers of one
 * record queue. `opening`, when given, is stored first unless the record exists: two first
 * receipts racing then both find the one record the first of them opened.
 */
export async function changeStockLevel(
  transactions: Transactions<StockLevelRepository>,
  key: StockLevelKey,
  change: (level: StockLevel) => Result<void>,
  opening?: StockLevel,
): Promise<Result<StockLevelState>> {
  const changed = await transactions.run(async (levels) => {
    if (opening) await levels.open(opening);
    return changeAggregate(levels, key, change, ({ productId, warehouseId }) =>
      fail('NO_STOCK_RECORD', `Product ${productId} has never been received in warehouse ${warehouseId}.`, 'productId'),
    );
  });
  return changed.ok ? ok(changed.value.snapshot()) : changed;
}
