import { changeDetails, changePrice, discontinue, ProductNotYetPricedError, type PricedProduct, type PricedProductRepository } from '../../domain/priced-product';

type Price = PricedProduct['price'];

/** Follows the catalog: new products join the price list, names, categories and prices change, discontinued products stop selling. */
export class KeepPriceListCurrent {
  constructor(private readonly products: PricedProductRepository) {}

  async learn(product: { productId: string; sku: string; name: string; price: Price; categoryId: string | null; catalogVersion: number }): Promise<void> {
    await this.products.learn({ ...product, discontinuedAt: null });
  }

  async changeDetails(productId: string, details: { name: string; categoryId: string | null }, catalogVersion: number): Promise<void> {
    const product = await this.known(productId);
    const changed = changeDetails(product, details, catalogVersion);
    if (changed !== product) await this.products.save(changed);
  }

  async changePrice(productId: string, price: Price, catalogVersion: number): Promise<void> {
    const product = await this.known(productId);
    const changed = changePrice(product, price, catalogVersion);
    if (changed !== product) await this.products.save(changed);
  }

  async discontinue(productId: string, catalogVersion: number, at: Date): Promise<void> {
    const product = await this.known(productId);
    const changed = discontinue(product, catalogVersion, at);
    if (changed !== product) await this.products.save(changed);
  }

  private async known(productId: string): Promise<PricedProduct> {
    const product = await this.products.find(productId);
    if (!product) throw new ProductNotYetPricedError(productId);
    return product;
  }
}
