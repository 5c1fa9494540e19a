import { z } from 'zod';
import { defineEvent } from './contract';

const money = z.object({
  /** Minor units (cents). */
  amount: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
});

/** The product's version after the change, so a consumer can ignore what arrives late. */
const version = z.number().int().nonnegative();

export const ProductCreatedV1 = defineEvent(
  'catalog.product-created.v1',
  z.object({ productId: z.uuid(), sku: z.string().min(1), name: z.string().min(1), price: money, version }),
);

export const ProductPriceChangedV1 = defineEvent(
  'catalog.product-price-changed.v1',
  z.object({ productId: z.uuid(), price: money, previousPrice: money, version }),
);

export const ProductDiscontinuedV1 = defineEvent(
  'catalog.product-discontinued.v1',
  z.object({ productId: z.uuid(), version }),
);
