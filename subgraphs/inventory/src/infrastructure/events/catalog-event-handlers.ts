import { ProductCreatedV1, ProductDiscontinuedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { LearnProduct } from '../../application/learn-product/learn-product.use-case';
import { NoteProductDiscontinued } from '../../application/note-product-discontinued/note-product-discontinued.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaStockKeepingUnits } from '../prisma-stock-keeping-units';

type Tx = Prisma.TransactionClient;

/** Catalog's words translated into inventory's: a created product is a unit to count, nothing more. */
export const catalogEventHandlers = [
  on(ProductCreatedV1, async ({ payload }, tx: Tx) =>
    new LearnProduct(new PrismaStockKeepingUnits(tx)).execute({ productId: payload.productId, sku: payload.sku, catalogVersion: payload.version }),
  ),
  on(ProductDiscontinuedV1, async ({ payload, occurredAt }, tx: Tx) =>
    new NoteProductDiscontinued(new PrismaStockKeepingUnits(tx)).execute({
      productId: payload.productId,
      catalogVersion: payload.version,
      at: new Date(occurredAt),
    }),
  ),
];
