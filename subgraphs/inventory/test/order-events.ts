import { randomUUID } from 'node:crypto';
import { OrderCancelledV1, OrderPlacedV2, OrderRejectedV1, ShipmentDispatchedV1, type EventEnvelope } from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';

export interface Line {
  productId: string;
  quantity: number;
}

export const anOrderId = (): string => randomUUID();

/** ordering.order-placed.v2 as ordering publishes it, for a customer in Germany, with no discount, shipping or tax. */
export function orderPlaced(orderId: string, lines: Line[]): EventEnvelope {
  const total = { amount: 1299 * lines.reduce((sum, line) => sum + line.quantity, 0), currency: 'EUR' };
  const zero = { amount: 0, currency: 'EUR' };
  const payload = {
    orderId,
    customerId: 'customer-1',
    lines: lines.map((line) => ({ ...line, name: 'Enamel mug', unitPrice: { amount: 1299, currency: 'EUR' } })),
    total,
    contactEmail: 'ada@example.com',
    shippingAddress: { name: 'Ada Lovelace', line1: 'Unter den Linden 1', line2: null, city: 'Berlin', postalCode: '10117', country: 'DE' },
    paymentToken: 'tok_visa',
    subtotal: total,
    discount: zero,
    shipping: zero,
    tax: zero,
    appliedPromotions: [],
    shippingOption: null,
  };
  return toEnvelope({ contract: OrderPlacedV2, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export function orderCancelled(orderId: string, reason: 'CUSTOMER_CANCELLED' | 'PAYMENT_DECLINED' = 'CUSTOMER_CANCELLED'): EventEnvelope {
  const payload = { orderId, customerId: 'customer-1', reason, message: 'The customer changed their mind.' };
  return toEnvelope({ contract: OrderCancelledV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export function orderRejected(orderId: string): EventEnvelope {
  const payload = { orderId, customerId: 'customer-1', reason: 'The coupon WELCOME5 has been used up.' };
  return toEnvelope({ contract: OrderRejectedV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export function shipmentDispatched(orderId: string, lines: Line[]): EventEnvelope {
  const payload = { orderId, shipmentId: randomUUID(), carrier: 'DHL', trackingNumber: 'DHL-1234567890', lines };
  return toEnvelope({ contract: ShipmentDispatchedV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}
