import { z } from 'zod';
import { defineEvent } from './contract';
import { money } from './shared-schemas';

/**
 * A promotion is live from `startsAt` (until `endsAt`, when set). Without a code it applies to
 * everyone automatically; with one, only to carts that apply the code. Empty `productIds` and
 * `categoryIds` mean it applies to everything. `limited` says whether its redemption can be
 * refused (a usage limit or a per-customer limit): only then can an order using it be rejected.
 */
export const PromotionActivatedV1 = defineEvent(
  'promotions.promotion-activated.v1',
  z.object({
    promotionId: z.uuid(),
    code: z.string().min(1).nullable(),
    description: z.string().min(1),
    kind: z.enum(['PERCENT_OFF', 'AMOUNT_OFF', 'FREE_SHIPPING']),
    percentOff: z.number().int().min(1).max(100).nullable(),
    amountOff: money.nullable(),
    productIds: z.array(z.uuid()),
    categoryIds: z.array(z.uuid()),
    minimumSubtotal: money.nullable(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).nullable(),
    limited: z.boolean(),
  }),
);

/** The promotion no longer applies to new carts (ended by an admin, or used up). */
export const PromotionEndedV1 = defineEvent('promotions.promotion-ended.v1', z.object({ promotionId: z.uuid() }));

/** Every promotion an order applied is redeemed for it: the order may be confirmed. */
export const PromotionsRedeemedV1 = defineEvent(
  'promotions.promotions-redeemed.v1',
  z.object({ orderId: z.uuid(), promotionIds: z.array(z.uuid()).min(1) }),
);

/** One of the order's promotions could not be redeemed, so none was: the order is rejected. */
export const RedemptionRefusedV1 = defineEvent(
  'promotions.redemption-refused.v1',
  z.object({ orderId: z.uuid(), promotionId: z.uuid(), code: z.string().nullable(), reason: z.string().min(1) }),
);
