import { z } from 'zod';
import { defineEvent } from './contract';
import { money, version } from './shared-schemas';

/** The category a product is filed under; null when it is filed under none. */
const categoryId = z.uuid().nullable();

export const ProductCreatedV1 = defineEvent(
  'catalog.product-created.v1',
  z.object({
    productId: z.uuid(),
    sku: z.string().min(1),
    name: z.string().min(1),
    price: money,
    version,
    /** Added after the first release: payloads published before it lack the field. */
    categoryId: categoryId.optional(),
  }),
);

/** The product's name or category changed (its description and images interest nobody outside catalog). */
export const ProductDetailsChangedV1 = defineEvent(
  'catalog.product-details-changed.v1',
  z.object({ productId: z.uuid(), name: z.string().min(1), categoryId, version }),
);

export const ProductPriceChangedV1 = defineEvent(
  'catalog.product-price-changed.v1',
  z.object({ productId: z.uuid(), price: money, previousPrice: money, version }),
);

export const ProductDiscontinuedV1 = defineEvent(
  'catalog.product-discontinued.v1',
  z.object({ productId: z.uuid(), version }),
);
