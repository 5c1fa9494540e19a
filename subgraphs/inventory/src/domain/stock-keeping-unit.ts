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

/** Raised when a change about a product arrives before the product itself: retried until it has. */
export class ProductNotYetLearnedError extends Error {
  constructor(productId: string) {
    super(`Inventory has not learned of product ${productId} yet`);
    this.name = 'ProductNotYetLearnedError';
  }
}
