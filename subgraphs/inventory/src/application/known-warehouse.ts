import { fail, ok, type Result } from '@storefront/kernel';
import type { WarehouseDirectory } from '../domain/stock-level.repository';

/** Refuses a warehouse id that names no warehouse, with the field the caller gave it in. */
export async function knownWarehouse(warehouses: WarehouseDirectory, warehouseId: string): Promise<Result<void>> {
  if (await warehouses.exists(warehouseId)) return ok(undefined);
  return fail('UNKNOWN_WAREHOUSE', `There is no warehouse ${warehouseId}.`, 'warehouseId');
}
