import { z } from 'zod';
import { defineEvent } from './contract';
import { orderLineQuantity } from './shared-schemas';

/** Every line of the order is reserved. */
export const StockReservedV1 = defineEvent(
  'inventory.stock-reserved.v1',
  z.object({ orderId: z.uuid(), lines: z.array(orderLineQuantity).min(1) }),
);

/** Some line could not be reserved, so none was; each refused line says why. */
export const StockReservationFailedV1 = defineEvent(
  'inventory.stock-reservation-failed.v1',
  z.object({
    orderId: z.uuid(),
    refusedLines: z
      .array(
        z.object({
          productId: z.uuid(),
          requested: z.number().int().positive(),
          available: z.number().int().nonnegative(),
          reason: z.enum(['INSUFFICIENT_STOCK', 'UNKNOWN_PRODUCT']),
        }),
      )
      .min(1),
  }),
);
