import { ProductCreatedV1, ProductDetailsChangedV1, ProductDiscontinuedV1, ProductPriceChangedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { KeepPriceListCurrent } from '../../application/keep-price-list-current/keep-price-list-current.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaPricedProducts } from '../prisma-price-list';

type Tx = Prisma.TransactionClient;

const priceList = (tx: Tx) => new KeepPriceListCurrent(new PrismaPricedProducts(tx));

/**
 * Catalog's words translated into ordering's: a product is a name, a category (for promotions) and
 * a price to order at, while it sells. A product created before categories were announced has none.
 */
export const catalogEventHandlers = [
  on(ProductCreatedV1, async ({ payload }, tx: Tx) =>
    priceList(tx).learn({
      productId: payload.productId,
      sku: payload.sku,
      name: payload.name,
      price: payload.price,
      categoryId: payload.categoryId ?? null,
      catalogVersion: payload.version,
    }),
  ),
  on(ProductDetailsChangedV1, async ({ payload }, tx: Tx) =>
    priceList(tx).changeDetails(payload.productId, { name: payload.name, categoryId: payload.categoryId }, payload.version),
  ),
  on(ProductPriceChangedV1, async ({ payload }, tx: Tx) => priceList(tx).changePrice(payload.productId, payload.price, payload.version)),
  on(ProductDiscontinuedV1, async ({ payload, occurredAt }, tx: Tx) => priceList(tx).discontinue(payload.productId, payload.version, new Date(occurredAt))),
];
