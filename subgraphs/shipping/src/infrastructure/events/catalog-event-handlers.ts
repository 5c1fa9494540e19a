import { ProductCreatedV1, ProductDiscontinuedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { LearnProduct } from '../../application/learn-product/learn-product.use-case';
import { NoteProductDiscontinued } from '../../application/note-product-discontinued/note-product-discontinued.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaShippableProducts } from '../prisma-shippable-products';

type Tx = Prisma.TransactionClient;

/** Catalog's words translated into shipping's: a created product is a parcel to weigh and measure; its price is not read. */
export const catalogEventHandlers = [
  on(ProductCreatedV1, async ({ payload }, tx: Tx) =>
    new LearnProduct(new PrismaShippableProducts(tx)).execute({
      productId: payload.productId,
      sku: payload.sku,
      name: payload.name,
      catalogVersion: payload.version,
    }),
  ),
  on(ProductDiscontinuedV1, async ({ payload, occurredAt }, tx: Tx) =>
    new NoteProductDiscontinued(new PrismaShippableProducts(tx)).execute({
      productId: payload.productId,
      catalogVersion: payload.version,
      at: new Date(occurredAt),
    }),
  ),
];
