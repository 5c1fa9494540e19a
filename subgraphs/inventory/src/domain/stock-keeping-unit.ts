import type { CatalogCopy } from '@storefront/kernel';

/**
 * A product as inventory counts it, learned from catalog's events. Inventory takes stock only for
 * products it has learned of, so no unit is ever counted against a product that does not exist.
 */
export interface StockKeepingUnit extends CatalogCopy {
  sku: string;
}

/** Whether inventory has learned of a product. */
export interface ProductRegister {
  isKnown(productId: string): Promise<boolean>;
}
