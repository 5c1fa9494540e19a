import { randomUUID } from 'node:crypto';
import type { Identity } from '@storefront/platform';
import type { OrderingHarness } from './ordering-harness';

export const ORDER_FIELDS = `id status statusReason { code message } total { amount currency formatted } placedAt customer { id }
  lines { product { id } name quantity unitPrice { amount currency } lineTotal { amount currency } }
  shippingAddress { name line1 line2 city postalCode country } contactEmail`;

export const PLACE_ORDER = `mutation ($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { ${ORDER_FIELDS} } errors { code message field } }
}`;

export const CANCEL_ORDER = `mutation ($id: ID!) {
  cancelOrder(id: $id) { order { id status statusReason { code message } } errors { code message field } }
}`;

export const ORDER = `query ($id: ID!) { order(id: $id) { id status customer { id } } }`;

export const MY_ORDERS = `query ($first: Int, $after: String) {
  me { id orders(first: $first, after: $after) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }
}`;

export const CUSTOMER_ORDERS = `query ($representations: [_Any!]!, $first: Int) {
  _entities(representations: $representations) { ... on Customer { id orders(first: $first) { edges { node { id } } pageInfo { hasNextPage } } } }
}`;

export const ORDER_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Order { id status total { amount currency } lines { product { id } name quantity lineTotal { amount } } customer { id } } }
}`;

export const refs = (typename: 'Order' | 'Customer', ids: readonly string[]) => ({ representations: ids.map((id) => ({ __typename: typename, id })) });

export interface OrderInput {
  idempotencyKey: string;
  lines: readonly { productId: string; quantity: number }[];
  shippingAddress: { name: string; line1: string; line2?: string | null; city: string; postalCode: string; country: string };
  contactEmail: string;
  paymentToken: string;
}

/** An order of one unit of each product given, with a fresh idempotency key. */
export function anOrderInput(productIds: readonly string[], overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    idempotencyKey: randomUUID(),
    lines: productIds.map((productId) => ({ productId, quantity: 1 })),
    shippingAddress: { name: 'Ada Lovelace', line1: '1 Analytical Way', line2: null, city: 'London', postalCode: 'N1 9GU', country: 'GB' },
    contactEmail: 'ada@example.com',
    paymentToken: 'tok_visa',
    ...overrides,
  };
}

/** placeOrder's payload. */
export async function placeOrder(ordering: OrderingHarness, customer: Identity | null, input: OrderInput): Promise<any> {
  const { body } = await ordering.request(PLACE_ORDER, { input }, customer);
  if (body.errors) throw new Error(`placeOrder failed: ${JSON.stringify(body.errors)}`);
  return body.data!.placeOrder;
}

/** A placed order's id, for a customer, of one product priced for the occasion. */
export async function aPlacedOrder(ordering: OrderingHarness, customer: Identity, input?: Partial<OrderInput>): Promise<string> {
  const [productId] = await ordering.priceProducts({});
  const payload = await placeOrder(ordering, customer, anOrderInput([productId!], input));
  if (!payload.order) throw new Error(`no order placed: ${JSON.stringify(payload.errors)}`);
  return payload.order.id;
}
