import type { CatalogCopy } from '@storefront/kernel';

/**
 * Ordering's Product: something a customer can buy now, at a price. A local copy of the catalog's
 * product, kept current from its events, so that placing an order never asks another context.
 */
export interface PricedProduct extends CatalogCopy {
  sku: string;
  name: string;
  price: { amount: number; currency: string };
  /** The catalog category it is filed under, which promotions may be limited to; null for none. */
  categoryId: string | null;
}

export const isSellable = (product: PricedProduct): boolean => product.discontinuedAt === null;

/**
 * The catalog's new price. A discontinued product keeps its mark: the catalog never sells a product
 * again. (A price change older than a discontinuation that arrives after it is ignored by the
 * version guard, which is harmless: a discontinued product is never priced into an order again.)
 */
export function reprice(product: PricedProduct, price: PricedProduct['price']): PricedProduct {
  return { ...product, price: { ...price } };
}

/** The catalog's new name and category. */
export function changeDetails(product: PricedProduct, details: { name: string; categoryId: string | null }): PricedProduct {
  return { ...product, name: details.name, categoryId: details.categoryId };
}

/** The products customers order from, looked up together when an order is placed. */
export interface PriceList {
  /** The entries for the ids given that exist (an unknown id is simply missing). */
  findMany(productIds: readonly string[]): Promise<PricedProduct[]>;
}
