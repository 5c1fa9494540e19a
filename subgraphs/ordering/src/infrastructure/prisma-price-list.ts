import { isUuid } from '@storefront/platform';
import type { PriceList, PricedProduct, PricedProductRepository } from '../domain/priced-product';
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

/** Works inside the transaction of the catalog event being handled. */
export class PrismaPricedProducts implements PricedProductRepository {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async find(productId: string): Promise<PricedProduct | null> {
    const [row] = await this.tx.$queryRaw<PriceListEntry[]>`
      SELECT product_id AS "productId", sku, name, price_amount AS "priceAmount", price_currency AS "priceCurrency",
             category_id AS "categoryId", discontinued_at AS "discontinuedAt", catalog_version AS "catalogVersion", updated_at AS "updatedAt"
        FROM price_list WHERE product_id = ${productId}::uuid FOR UPDATE`;
    return row ? toPricedProduct(row) : null;
  }

  async learn(product: PricedProduct): Promise<void> {
    await this.tx.priceListEntry.createMany({ data: [toRow(product)], skipDuplicates: true });
  }

  async save(product: PricedProduct): Promise<void> {
    await this.tx.priceListEntry.update({ where: { productId: product.productId }, data: { ...toRow(product), updatedAt: new Date() } });
  }
}
