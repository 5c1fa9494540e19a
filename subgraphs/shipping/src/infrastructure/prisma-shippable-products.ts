import type { ProductRegister, ShippableProduct, ShippableProductRepository } from '../domain/shippable-product';
import type { Prisma } from './prisma/generated/client';
import type { ShippingDb } from './shipping-database';

/** Works inside one transaction of the event handler that changes the products. */
export class PrismaShippableProducts implements ShippableProductRepository {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /**
   * Locks the row until the transaction ends: two events about one product handled at once are
   * applied one after the other, so an older version can never overwrite a newer one.
   */
  async find(productId: string): Promise<ShippableProduct | null> {
    const [row] = await this.tx.$queryRaw<ShippableProduct[]>`
      SELECT product_id AS "productId", sku, name, catalog_version AS "catalogVersion", discontinued_at AS "discontinuedAt"
        FROM shippable_products WHERE product_id = ${productId} FOR UPDATE`;
    return row ?? null;
  }

  async learn(product: ShippableProduct): Promise<void> {
    await this.tx.shippableProduct.createMany({ data: [product], skipDuplicates: true });
  }

  async save(product: ShippableProduct): Promise<void> {
    await this.tx.shippableProduct.update({
      where: { productId: product.productId },
      data: { catalogVersion: product.catalogVersion, discontinuedAt: product.discontinuedAt },
    });
  }
}

export class PrismaProductRegister implements ProductRegister {
  constructor(private readonly db: ShippingDb) {}

  async isKnown(productId: string): Promise<boolean> {
    return (await this.db.shippableProduct.count({ where: { productId } })) > 0;
  }
}
