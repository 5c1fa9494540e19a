import { randomUUID } from 'node:crypto';
import {
  OrderCancelledV1,
  OrderPlacedV2,
  OrderRejectedV1,
  ShipmentDispatchedV1,
  StockReservedV1,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
} from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';

/** An order id payments has never heard of: ordering's ids are UUIDs. */
export const anOrderId = (): string => randomUUID();

const productId = randomUUID();
const lines = [{ productId, quantity: 2 }];

function sagaEvent<C extends EventContract>(contract: C, orderId: string, payload: PayloadOf<C>): EventEnvelope {
  return toEnvelope({ contract, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export interface PlacedOrder {
  customerId?: string;
  paymentToken?: string;
  total?: { amount: number; currency: string };
  /** How the total came about; by default it is all items (no discount, shipping or tax). */
  breakdown?: Record<'subtotal' | 'discount' | 'shipping' | 'tax', { amount: number; currency: string }>;
}

/** ordering.order-placed.v2 as ordering publishes it: alice's order of 50.00 EUR (no discount, shipping or tax) paid with tok_visa unless told otherwise. */
export function orderPlaced(orderId: string, { customerId = 'alice', paymentToken = 'tok_visa', total = { amount: 5000, currency: 'EUR' }, breakdown }: PlacedOrder = {}): EventEnvelope {
  const zero = { amount: 0, currency: total.currency };
  return sagaEvent(OrderPlacedV2, orderId, {
    orderId,
    customerId,
    lines: lines.map((line) => ({ ...line, name: 'Enamel mug', unitPrice: { amount: Math.floor(total.amount / 2), currency: total.currency } })),
    total,
    contactEmail: `${customerId}@example.com`,
    shippingAddress: { name: 'Alice Martin', line1: '1 Rue de la Paix', line2: null, city: 'Paris', postalCode: '75002', country: 'FR' },
    paymentToken,
    subtotal: total,
    discount: zero,
    shipping: zero,
    tax: zero,
    appliedPromotions: [],
    shippingOption: null,
    ...breakdown,
  });
}

export const stockReserved = (orderId: string) => sagaEvent(StockReservedV1, orderId, { orderId, lines });

export const orderCancelled = (orderId: string, reason: 'CUSTOMER_CANCELLED' | 'PAYMENT_DECLINED' = 'CUSTOMER_CANCELLED') =>
  sagaEvent(OrderCancelledV1, orderId, { orderId, customerId: 'alice', reason, message: 'The customer changed their mind.' });

export const orderRejected = (orderId: string) => sagaEvent(OrderRejectedV1, orderId, { orderId, customerId: 'alice', reason: 'Out of stock' });

export const shipmentDispatched = (orderId: string) =>
  sagaEvent(ShipmentDispatchedV1, orderId, { orderId, shipmentId: randomUUID(), carrier: 'DHL', trackingNumber: 'JD0123', lines });
