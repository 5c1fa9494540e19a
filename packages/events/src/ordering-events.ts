import { z } from 'zod';
import { defineEvent } from './contract';
import { money, orderLineQuantity } from './shared-schemas';

const address = z.object({
  name: z.string().min(1),
  line1: z.string().min(1),
  line2: z.string().nullable(),
  city: z.string().min(1),
  postalCode: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
});

const customer = { orderId: z.uuid(), customerId: z.string().min(1) };

const placedOrder = {
  ...customer,
  lines: z.array(orderLineQuantity.extend({ name: z.string(), unitPrice: money })).min(1),
  total: money,
  contactEmail: z.string().min(3),
  shippingAddress: address,
  /** The payment provider's token for the customer's card, handed on to payments. */
  paymentToken: z.string().min(1),
};

/**
 * The first version, without the total's breakdown. No longer produced: every subscriber moved to
 * v2. It stays listed until the schema check's history no longer needs it (see v2).
 */
export const OrderPlacedV1 = defineEvent('ordering.order-placed.v1', z.object(placedOrder), { produced: false });

/**
 * A customer placed an order: inventory reserves it, payments authorizes exactly `total`,
 * promotions redeems the applied promotions, notifications tells the customer the breakdown.
 * total = subtotal - discount + shipping + tax, never below zero, all in the order's currency.
 */
export const OrderPlacedV2 = defineEvent(
  'ordering.order-placed.v2',
  z.object({
    ...placedOrder,
    subtotal: money,
    discount: money,
    shipping: money,
    tax: money,
    appliedPromotions: z.array(
      z.object({ promotionId: z.uuid(), code: z.string().nullable(), description: z.string().min(1), amount: money }),
    ),
    shippingOption: z.object({ carrier: z.string().min(1), days: z.number().int().nonnegative() }).nullable(),
  }),
);

/** Stock is reserved and the payment authorized: shipping prepares a shipment. */
export const OrderConfirmedV1 = defineEvent(
  'ordering.order-confirmed.v1',
  z.object({ ...customer, lines: z.array(orderLineQuantity).min(1), shippingAddress: address, total: money }),
);

/** Inventory could not reserve every line: nothing was reserved and nothing will be charged. */
export const OrderRejectedV1 = defineEvent(
  'ordering.order-rejected.v1',
  z.object({ ...customer, reason: z.string().min(1) }),
);

/**
 * The order will not go ahead: the customer cancelled before dispatch, the payment was declined, or
 * the order waited for stock, payment or promotions past its deadline (`*_TIMED_OUT`).
 * Inventory releases what it reserved; payments voids an authorization, also one that comes later.
 */
export const OrderCancelledV1 = defineEvent(
  'ordering.order-cancelled.v1',
  z.object({ ...customer, reason: z.enum(['CUSTOMER_CANCELLED', 'PAYMENT_DECLINED', 'STOCK_TIMED_OUT', 'PAYMENT_TIMED_OUT', 'PROMOTIONS_TIMED_OUT']), message: z.string().min(1) }),
);

/**
 * Ordering agreed to shipping's dispatch request: the order still stands and can no longer be
 * cancelled, so shipping lets the parcel leave.
 */
export const OrderReleasedForDispatchV1 = defineEvent('ordering.order-released-for-dispatch.v1', z.object(customer));

export const OrderShippedV1 = defineEvent(
  'ordering.order-shipped.v1',
  z.object({ ...customer, carrier: z.string().min(1), trackingNumber: z.string().min(1) }),
);

export const OrderDeliveredV1 = defineEvent('ordering.order-delivered.v1', z.object(customer));

/**
 * Ordering committed a change to an order (any step of its saga, or a cancellation): `version`
 * counts the order's committed changes, 0 when placed. Announced live to the gateways, which tell
 * the order's subscribers; no context needs to queue it.
 */
export const OrderChangedV1 = defineEvent(
  'ordering.order-changed.v1',
  z.object({
    ...customer,
    status: z.enum(['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED']),
    version: z.number().int().nonnegative(),
  }),
  { live: true },
);
