import type { CatalogCopies } from '@storefront/kernel';
import { isUuid, readLocked } from '@storefront/platform';
import type { PriceList, PricedProduct } from '../domain/priced-product';
import type { OrderingDb } from './ordering-database';
import type { Prisma, PriceListEntry } from './prisma/generated/client';

const toPricedProduct = (row: PriceListEntry): PricedProduct => ({
  productId: row.productId,
  sku: row.sku,
  name: row.name,
  price: { amount: row.priceAmount, currency: row.priceCurrency },
  categoryId: row.categoryId,
  discontinuedAt: row.discontinuedAt,
  catalogVersion: row.catalogVersion,
});

const toRow = (product: PricedProduct) => ({
  productId: product.productId,
  sku: product.sku,
  name: product.name,
  priceAmount: product.price.amount,
  priceCurrency: product.price.currency,
  categoryId: product.categoryId,
  discontinuedAt: product.discontinuedAt,
  catalogVersion: product.catalogVersion,
});

/** The price list as placing an order reads it: one query for all the products asked for. */
export class PrismaPriceList implements PriceList {
  constructor(private readonly db: OrderingDb | Prisma.TransactionClient) {}

  async findMany(productIds: readonly string[]): Promise<PricedProduct[]> {
    const ids = productIds.filter(isUuid);
    if (ids.length === 0) return [];
    return (await this.db.priceListEntry.findMany({ where: { productId: { in: ids } } })).map(toPricedProduct);
  }
}

/** The price list inside the transaction of the catalog event being handled. */
export class PrismaPricedProducts implements CatalogCopies<PricedProduct> {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async lockFor(productId: string): Promise<PricedProduct | null> {
    if (!isUuid(productId)) return null;
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM price_list WHERE product_id = ${productId}::uuid FOR UPDATE`, async () =>
      toPricedProduct(await this.tx.priceListEntry.findUniqueOrThrow({ where: { productId } })),
    );
  }

  async learn(product: PricedProduct): Promise<void> {
    await this.tx.priceListEntry.createMany({ data: [toRow(product)], skipDuplicates: true });
  }

  async save(product: PricedProduct): Promise<void> {
    await this.tx.priceListEntry.update({ where: { productId: product.productId }, data: { ...toRow(product), updatedAt: new Date() } });
  }
}
