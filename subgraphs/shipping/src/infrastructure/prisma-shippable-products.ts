import type { CatalogCopies } from '@storefront/kernel';
import { readLocked } from '@storefront/platform';
import type { ProductRegister, ShippableProduct } from '../domain/shippable-product';
import type { Prisma } from './prisma/generated/client';
import type { ShippingDb } from './shipping-database';

/** The products shipping has learned of, inside the transaction of the catalog event being handled. */
export class PrismaShippableProducts implements CatalogCopies<ShippableProduct> {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /**
   * Locks the row until the transaction ends: two events about one product handled at once are
   * applied one after the other, so an older version can never overwrite a newer one.
   */
  async lockFor(productId: string): Promise<ShippableProduct | null> {
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM shippable_products WHERE product_id = ${productId} FOR UPDATE`, () =>
      this.tx.shippableProduct.findUniqueOrThrow({ where: { productId }, select: { productId: true, sku: true, name: true, catalogVersion: true, discontinuedAt: true } }),
    );
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
