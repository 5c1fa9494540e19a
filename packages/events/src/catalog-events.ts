import { z } from 'zod';
import { defineEvent } from './contract';
import { money, version } from './shared-schemas';

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
