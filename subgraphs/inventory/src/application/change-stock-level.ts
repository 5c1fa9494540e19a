import { changeAggregate, fail, ok, type Result, type Transactions } from '@storefront/kernel';
import type { StockLevel, StockLevelState } from '../domain/stock-level.aggregate';
import type { StockLevelKey, StockLevelRepository } from '../domain/stock-level.repository';

/**
 * Applies one aggregate method to the record under its row lock, so concurrent writers of one
 * record queue. Without a record, `opening` (when given) opens one, and the change is its first.
 */
export async function changeStockLevel(
  transactions: Transactions<StockLevelRepository>,
  key: StockLevelKey,
  change: (level: StockLevel) => Result<void>,
  opening?: () => Result<StockLevel>,
): Promise<Result<StockLevelState>> {
  const noRecord = () => fail('NO_STOCK_RECORD', `Product ${key.productId} has never been received in warehouse ${key.warehouseId}.`, 'productId');
  const changed = await transactions.run((levels) =>
    changeAggregate(levels, key, change, async () => {
      if (!opening) return noRecord();
      const opened = opening();
      if (!opened.ok) return opened;
      const first = change(opened.value);
      if (!first.ok) return first;
      if (await levels.open(opened.value)) return opened;
      // A racing first change opened the record meanwhile: this change waits its turn behind it.
      return changeAggregate(levels, key, change, noRecord);
    }),
  );
  return changed.ok ? ok(changed.value.snapshot()) : changed;
}
