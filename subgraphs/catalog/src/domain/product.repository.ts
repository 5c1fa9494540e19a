import type { AggregateStore } from '@storefront/kernel';
import type { Product } from './product.aggregate';

/** Raised when a new product's SKU is already in the catalog. */
export class DuplicateSkuError extends Error {
  constructor(readonly sku: string) {
    super(`SKU ${sku} is already in the catalog`);
    this.name = 'DuplicateSkuError';
  }
}

/** Stores products inside one transaction, each change with the events it publishes. */
export interface ProductRepository extends AggregateStore<Product> {
  /** Adds a new product; throws DuplicateSkuError when its SKU is taken. */
  add(product: Product): Promise<void>;
}

/** Tells whether a category exists, so a product is never filed under a missing one. */
export interface CategoryDirectory {
  exists(id: string): Promise<boolean>;
}
