import { ok, retryOnConcurrentModification, type Result } from '@storefront/kernel';
import type { StockLevel, StockLevelState } from '../domain/stock-level.aggregate';
import type { StockLevelRepository } from '../domain/stock-level.repository';

/**
 * A hot product can see a burst of writers on one record. Each lost race means another writer's
 * change went through, so N concurrent writers need at most N attempts; a random pause that grows
 * with each retry keeps the losers from colliding again in lockstep.
 */
const ATTEMPTS = 25;
const MAX_PAUSE_MS = 50;

/**
 * Load the record (or take `whenMissing` when there is none yet), apply one aggregate method,
 * store; again from the start if another writer changed or created the record first.
 */
export function changeStockLevel(
  levels: StockLevelRepository,
  key: { productId: string; warehouseId: string },
  change: (level: StockLevel) => Result<void>,
  whenMissing: () => Result<StockLevel>,
): Promise<Result<StockLevelState>> {
  let attempt = 0;
  return retryOnConcurrentModification(async () => {
    attempt += 1;
    if (attempt > 1) await pause(Math.random() * Math.min(2 ** attempt, MAX_PAUSE_MS));
    const found = await levels.find(key.productId, key.warehouseId);
    const level = found ? ok(found) : whenMissing();
    if (!level.ok) return level;
    const changed = change(level.value);
    if (!changed.ok) return changed;
    await (found ? levels.save(level.value) : levels.add(level.value));
    return ok(level.value.snapshot());
  }, ATTEMPTS);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
