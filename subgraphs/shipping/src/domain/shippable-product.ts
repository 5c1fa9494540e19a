/**
 * A product as shipping knows it before it is a parcel: learned from catalog's events, it waits to
 * be weighed and measured until an admin sets its parcel profile. Shipping keeps only what it needs
 * to tell one product from another on a warehouse's list: its id, SKU and name.
 */
export interface ShippableProduct {
  productId: string;
  sku: string;
  name: string;
  /** The catalog version this record reflects; anything older that arrives late is ignored. */
  catalogVersion: number;
  discontinuedAt: Date | null;
}

/** Stores the products shipping has learned of. */
export interface ShippableProductRepository {
  find(productId: string): Promise<ShippableProduct | null>;
  /** Adds the product unless it is already known (learning twice changes nothing). */
  learn(product: ShippableProduct): Promise<void>;
  save(product: ShippableProduct): Promise<void>;
}

/** Whether shipping has learned of a product. */
export interface ProductRegister {
  isKnown(productId: string): Promise<boolean>;
}

/** The catalog's discontinuation, applied unless the product already reflects a later catalog version. */
export function discontinue(product: ShippableProduct, catalogVersion: number, at: Date): ShippableProduct {
  if (product.catalogVersion >= catalogVersion) return product;
  return { ...product, catalogVersion, discontinuedAt: product.discontinuedAt ?? at };
}

/** Raised when a change about a product arrives before the product itself: retried until it has. */
export class ProductNotYetLearnedError extends Error {
  constructor(productId: string) {
    super(`Shipping has not learned of product ${productId} yet`);
    this.name = 'ProductNotYetLearnedError';
  }
}
