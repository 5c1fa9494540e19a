import { ProductCreatedV1, ProductDiscontinuedV1 } from '@storefront/events';
import { CatalogFollower } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import type { Prisma } from '../prisma/generated/client';
import { PrismaShippableProducts } from '../prisma-shippable-products';

type Tx = Prisma.TransactionClient;

const products = (tx: Tx) => new CatalogFollower(new PrismaShippableProducts(tx), 'Shipping');

/**
 * Catalog's words translated into shipping's: a created product is a parcel to weigh and measure
 * (its price is not read); a discontinued one no longer waits to be measured, and its profile stays
 * (returns still travel).
 */
export const catalogEventHandlers = [
  on(ProductCreatedV1, async ({ payload }, tx: Tx) =>
    products(tx).learn({ productId: payload.productId, sku: payload.sku, name: payload.name, catalogVersion: payload.version, discontinuedAt: null }),
  ),
  on(ProductDiscontinuedV1, async ({ payload, occurredAt }, tx: Tx) => products(tx).discontinue(payload.productId, payload.version, new Date(occurredAt))),
];
