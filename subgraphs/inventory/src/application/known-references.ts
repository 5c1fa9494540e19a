import { fail, ok, type Result } from '@storefront/kernel';
import type { WarehouseDirectory } from '../domain/stock-level.repository';
import type { ProductRegister } from '../domain/stock-keeping-unit';

/** Refuses a warehouse id that names no warehouse, with the field the caller gave it in. */
export async function knownWarehouse(warehouses: WarehouseDirectory, warehouseId: string): Promise<Result<void>> {
  if (await warehouses.exists(warehouseId)) return ok(undefined);
  return fail('UNKNOWN_WAREHOUSE', `There is no warehouse ${warehouseId}.`, 'warehouseId');
}

/** Refuses a product inventory has not learned of from catalog (or not yet: it learns within moments). */
export async function knownProduct(products: ProductRegister, productId: string): Promise<Result<void>> {
  if (await products.isKnown(productId)) return ok(undefined);
  return fail('UNKNOWN_PRODUCT', `Inventory knows no product ${productId}; products come from the catalog.`, 'productId');
}
