import { randomUUID } from 'node:crypto';
import { OrderCancelledV1, OrderPlacedV2, OrderRejectedV1, type EventEnvelope } from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';

export const anOrderId = (): string => randomUUID();

/** ordering.order-placed.v2 as ordering publishes it: one 20 EUR mug to Germany, with the promotions applied. */
export function orderPlaced(orderId: string, promotionIds: string[], customerId = 'customer-1', occurredAt = new Date()): EventEnvelope {
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  const discount = 100 * promotionIds.length;
  const payload = {
    orderId,
    customerId,
    lines: [{ productId: randomUUID(), quantity: 1, name: 'Enamel mug', unitPrice: eur(2000) }],
    total: eur(2000 - discount + 499),
    contactEmail: 'ada@example.com',
    shippingAddress: { name: 'Ada Lovelace', line1: 'Unter den Linden 1', line2: null, city: 'Berlin', postalCode: '10117', country: 'DE' },
    paymentToken: 'tok_visa',
    subtotal: eur(2000),
    discount: eur(discount),
    shipping: eur(499),
    tax: eur(0),
    appliedPromotions: promotionIds.map((promotionId) => ({ promotionId, code: null, description: 'A promotion', amount: eur(100) })),
    shippingOption: { carrier: 'Post', days: 3 },
  };
  return toEnvelope({ contract: OrderPlacedV2, aggregateId: orderId, payload, occurredAt, correlationId: orderId });
}

export function orderCancelled(orderId: string, customerId = 'customer-1'): EventEnvelope {
  const payload = { orderId, customerId, reason: 'CUSTOMER_CANCELLED' as const, message: 'The customer changed their mind.' };
  return toEnvelope({ contract: OrderCancelledV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export function orderRejected(orderId: string, customerId = 'customer-1'): EventEnvelope {
  const payload = { orderId, customerId, reason: 'INSUFFICIENT_STOCK' };
  return toEnvelope({ contract: OrderRejectedV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}
