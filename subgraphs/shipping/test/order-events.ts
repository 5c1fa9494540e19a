import { randomUUID } from 'node:crypto';
import { OrderCancelledV1, OrderConfirmedV1, OrderReleasedForDispatchV1, type EventEnvelope } from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';
import type { ShippingHarness } from './shipping-harness';

export interface Line {
  productId: string;
  quantity: number;
}

export const anOrderId = (): string => randomUUID();

export const address = (country = 'DE') => ({ name: 'Ada Lovelace', line1: 'Unter den Linden 1', line2: null, city: 'Berlin', postalCode: '10117', country });

/** ordering.order-confirmed.v1 as ordering publishes it. */
export function orderConfirmed(orderId: string, options: { customerId?: string; lines?: Line[]; country?: string } = {}): EventEnvelope {
  const lines = options.lines ?? [{ productId: randomUUID(), quantity: 1 }];
  const payload = { orderId, customerId: options.customerId ?? 'customer-1', lines, shippingAddress: address(options.country), total: { amount: 2598, currency: 'EUR' } };
  return toEnvelope({ contract: OrderConfirmedV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export function orderCancelled(orderId: string, customerId = 'customer-1'): EventEnvelope {
  const payload = { orderId, customerId, reason: 'CUSTOMER_CANCELLED' as const, message: 'The customer changed their mind.' };
  return toEnvelope({ contract: OrderCancelledV1, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

/** ordering.order-released-for-dispatch.v1: ordering agreed the order still stands, the parcel may leave. */
export function orderReleasedForDispatch(orderId: string, customerId = 'customer-1'): EventEnvelope {
  return toEnvelope({ contract: OrderReleasedForDispatchV1, aggregateId: orderId, payload: { orderId, customerId }, occurredAt: new Date(), correlationId: orderId });
}

/** An order confirmed for the customer, whose shipment is now pending; returns its id. */
export async function confirmedOrder(shipping: ShippingHarness, options: Parameters<typeof orderConfirmed>[1] = {}): Promise<string> {
  const orderId = anOrderId();
  await shipping.server.events.consumer!.handle(orderConfirmed(orderId, options));
  return orderId;
}

/** The events shipping published about the order, oldest first. */
export async function publishedAbout(shipping: ShippingHarness, orderId: string) {
  const rows = await shipping.db.outboxEvent.findMany({ where: { correlationId: orderId }, orderBy: { position: 'asc' } });
  return rows.map(({ type, aggregateId, causationId, payload, publishedAt }) => ({ type, aggregateId, causationId, payload, publishedAt }));
}

export const ORDER_SHIPMENT = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Order { id shipment { id status carrier trackingNumber dispatchedAt deliveredAt } } }
  }
`;

export const asOrders = (ids: readonly string[]) => ({ representations: ids.map((id) => ({ __typename: 'Order', id })) });

const SHIPMENT_PAYLOAD = 'shipment { id status carrier trackingNumber dispatchedAt deliveredAt } errors { code message field }';
export const DISPATCH = `mutation ($orderId: ID!) { dispatchShipment(orderId: $orderId) { ${SHIPMENT_PAYLOAD} } }`;
export const CONFIRM_DELIVERY = `mutation ($orderId: ID!) { confirmDelivery(orderId: $orderId) { ${SHIPMENT_PAYLOAD} } }`;
