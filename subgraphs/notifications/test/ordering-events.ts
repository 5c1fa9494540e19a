import { randomUUID } from 'node:crypto';
import {
  OrderCancelledV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderPlacedV2,
  OrderRejectedV1,
  OrderShippedV1,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
} from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';

/** One order of one customer, as ordering's events name it. */
export interface AnOrder {
  orderId: string;
  customerId: string;
}

export const anOrder = (customerId = `customer-${randomUUID().slice(0, 8)}`): AnOrder => ({ orderId: randomUUID(), customerId });

const line = { productId: '5b0e8c1e-3c1f-4b7e-9d7a-2f1e0c9b8a71', quantity: 2 };
const address = { name: 'Ada Lovelace', line1: '12 St James Square', line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
const total = { amount: 5198, currency: 'EUR' };

/** An ordering event about the order, as ordering publishes it: its saga's correlation id is the order id. */
function about<C extends EventContract>(contract: C, { orderId }: AnOrder, payload: PayloadOf<C>, occurredAt: Date): EventEnvelope {
  return toEnvelope({ contract, aggregateId: orderId, payload, occurredAt, correlationId: orderId });
}

const zero = { amount: 0, currency: 'EUR' };

type Amounts = Partial<Record<'total' | 'subtotal' | 'discount' | 'shipping' | 'tax', typeof total>>;

/** ordering.order-placed.v2: 51.98 EUR of items, no discount, shipping or tax unless told otherwise. */
export function orderPlaced(order: AnOrder, at = new Date(), overrides: { contactEmail?: string } & Amounts = {}): EventEnvelope {
  const payload = {
    ...order,
    lines: [{ ...line, name: 'Enamel mug', unitPrice: { amount: 2599, currency: 'EUR' } }],
    total,
    contactEmail: 'ada@example.com',
    shippingAddress: address,
    paymentToken: 'tok_visa',
    subtotal: overrides.total ?? total,
    discount: zero,
    shipping: zero,
    tax: zero,
    appliedPromotions: [],
    shippingOption: null,
    ...overrides,
  };
  return about(OrderPlacedV2, order, payload, at);
}

export const orderConfirmed = (order: AnOrder, at = new Date()) => about(OrderConfirmedV1, order, { ...order, lines: [line], shippingAddress: address, total }, at);

export const orderRejected = (order: AnOrder, reason = 'Enamel mug is out of stock', at = new Date()) => about(OrderRejectedV1, order, { ...order, reason }, at);

export const orderCancelled = (order: AnOrder, reason: 'CUSTOMER_CANCELLED' | 'PAYMENT_DECLINED', message: string, at = new Date()) =>
  about(OrderCancelledV1, order, { ...order, reason, message }, at);

export const orderShipped = (order: AnOrder, at = new Date()) => about(OrderShippedV1, order, { ...order, carrier: 'DHL', trackingNumber: 'JD014600006281230' }, at);

export const orderDelivered = (order: AnOrder, at = new Date()) => about(OrderDeliveredV1, order, order, at);

/** The same event published again under a new id, as a producer that wrote it twice would. */
export const republished = (event: EventEnvelope): EventEnvelope => ({ ...event, id: randomUUID() });

/** Instants a minute apart from a fixed start, so that lists have a known order. */
export const minute = (n: number) => new Date(Date.UTC(2026, 10, 21, 9, n, 0));
