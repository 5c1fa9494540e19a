import { z } from 'zod';

/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export const money = z.object({
  amount: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR'),
});

/** The aggregate's version after the change, so a consumer can ignore what arrives late. */
export const version = z.number().int().nonnegative();

export const orderLineQuantity = z.object({ productId: z.uuid(), quantity: z.number().int().positive() });
