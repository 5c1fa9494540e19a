import type { CatalogCopy } from '@storefront/kernel';

/**
 * A product as shipping knows it before it is a parcel: learned from catalog's events, it waits to
 * be weighed and measured until an admin sets its parcel profile. Shipping keeps only what it needs
 * to tell one product from another on a warehouse's list: its id, SKU and name.
 */
export interface ShippableProduct extends CatalogCopy {
  sku: string;
  name: string;
}

/** Whether shipping has learned of a product. */
export interface ProductRegister {
  isKnown(productId: string): Promise<boolean>;
}
