import { CatalogFollower, type CatalogCopies } from '@storefront/kernel';
import { changeDetails, reprice, type PricedProduct } from '../../domain/priced-product';

type Price = PricedProduct['price'];

/** Follows the catalog: new products join the price list, names, categories and prices change, discontinued products stop selling. */
export class KeepPriceListCurrent {
  private readonly catalog: CatalogFollower<PricedProduct>;

  constructor(products: CatalogCopies<PricedProduct>) {
    this.catalog = new CatalogFollower(products, 'Ordering');
  }

  learn(product: { productId: string; sku: string; name: string; price: Price; categoryId: string | null; catalogVersion: number }): Promise<void> {
    return this.catalog.learn({ ...product, discontinuedAt: null });
  }

  changeDetails(productId: string, details: { name: string; categoryId: string | null }, catalogVersion: number): Promise<void> {
    return this.catalog.change(productId, catalogVersion, (product) => changeDetails(product, details));
  }

  changePrice(productId: string, price: Price, catalogVersion: number): Promise<void> {
    return this.catalog.change(productId, catalogVersion, (product) => reprice(product, price));
  }

  discontinue(productId: string, catalogVersion: number, at: Date): Promise<void> {
    return this.catalog.discontinue(productId, catalogVersion, at);
  }
}
