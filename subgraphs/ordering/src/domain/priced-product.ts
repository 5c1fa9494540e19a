/**
 * Ordering's Product: something a customer can buy now, at a price. A local copy of the catalog's
 * product, kept current from its events, so that placing an order never asks another context.
 */
export interface PricedProduct {
  productId: string;
  sku: string;
  name: string;
  price: { amount: number; currency: string };
  /** The catalog category it is filed under, which promotions may be limited to; null for none. */
  categoryId: string | null;
  discontinuedAt: Date | null;
  /** The catalog version this entry reflects; anything older that arrives late is ignored. */
  catalogVersion: number;
}

export const isSellable = (product: PricedProduct): boolean => product.discontinuedAt === null;

/**
 * The catalog's new price, unless the entry already reflects a later catalog version. A
 * discontinued product keeps its mark: the catalog never sells a product again.
 */
export function changePrice(product: PricedProduct, price: PricedProduct['price'], catalogVersion: number): PricedProduct {
  if (product.catalogVersion >= catalogVersion) return product;
  return { ...product, price: { ...price }, catalogVersion };
}

/** The catalog's new name and category, unless the entry already reflects a later catalog version. */
export function changeDetails(product: PricedProduct, details: { name: string; categoryId: string | null }, catalogVersion: number): PricedProduct {
  if (product.catalogVersion >= catalogVersion) return product;
  return { ...product, name: details.name, categoryId: details.categoryId, catalogVersion };
}

/**
 * The catalog's discontinuation, unless the entry already reflects a later catalog version. A
 * price change older than the discontinuation that arrives after it is then ignored, which is
 * harmless: a discontinued product is never priced into an order again.
 */
export function discontinue(product: PricedProduct, catalogVersion: number, at: Date): PricedProduct {
  if (product.catalogVersion >= catalogVersion) return product;
  return { ...product, catalogVersion, discontinuedAt: product.discontinuedAt ?? at };
}

/** Raised when a change about a product arrives before the product itself: retried until it has. */
export class ProductNotYetPricedError extends Error {
  constructor(productId: string) {
    super(`Ordering has not learned of product ${productId} yet`);
    this.name = 'ProductNotYetPricedError';
  }
}

/** The products customers order from, looked up together when an order is placed. */
export interface PriceList {
  /** The entries for the ids given that exist (an unknown id is simply missing). */
  findMany(productIds: readonly string[]): Promise<PricedProduct[]>;
}

/** Keeps the price list; used inside the transaction that handles one catalog event. */
export interface PricedProductRepository {
  /** Locks the entry until the transaction ends, so two changes to one product apply one after the other. */
  find(productId: string): Promise<PricedProduct | null>;
  /** Adds the product unless it is already known (learning twice changes nothing). */
  learn(product: PricedProduct): Promise<void>;
  save(product: PricedProduct): Promise<void>;
}
