import { ProductCreatedV1, ProductDiscontinuedV1 } from '@storefront/events';
import { CatalogFollower } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import type { Prisma } from '../prisma/generated/client';
import { PrismaStockKeepingUnits } from '../prisma-stock-keeping-units';

type Tx = Prisma.TransactionClient;

const units = (tx: Tx) => new CatalogFollower(new PrismaStockKeepingUnits(tx), 'Inventory');

/**
 * Catalog's words translated into inventory's: a created product is a unit to count, with zero
 * units everywhere; a discontinued one stays countable (returns still arrive).
 */
export const catalogEventHandlers = [
  on(ProductCreatedV1, async ({ payload }, tx: Tx) =>
    units(tx).learn({ productId: payload.productId, sku: payload.sku, catalogVersion: payload.version, discontinuedAt: null }),
  ),
  on(ProductDiscontinuedV1, async ({ payload, occurredAt }, tx: Tx) => units(tx).discontinue(payload.productId, payload.version, new Date(occurredAt))),
];
