import { randomUUID } from 'node:crypto';
import {
  linesDigest,
  PromotionActivatedV1,
  PromotionEndedV1,
  PromotionsRedeemedV1,
  RedemptionRefusedV1,
  shippingQuoteSecret,
  signShippingQuote,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
} from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import type { OrderingHarness } from './ordering-harness';

const MONEY = 'amount currency';
export const CART_FIELDS = `id coupon lines { product { id } name quantity unitPrice { ${MONEY} } lineTotal { ${MONEY} } }
  subtotal { ${MONEY} } discount { ${MONEY} } appliedPromotions { code description amount { ${MONEY} } }`;

export const MY_CART = `query ($country: String, $shippingOptionId: ID) {
  me { cart { ${CART_FIELDS} tax(country: "DE", shippingOptionId: $shippingOptionId) { ${MONEY} } total(country: $country, shippingOptionId: $shippingOptionId) { ${MONEY} } } }
}`;

export const CART_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Cart { id lines { product { id } quantity } } }
}`;

const payload = `{ cart { ${CART_FIELDS} } errors { code message field } }`;
export const ADD_TO_CART = `mutation ($input: CartLineInput!) { addToCart(input: $input) ${payload} }`;
export const UPDATE_CART_LINE = `mutation ($input: CartLineInput!) { updateCartLine(input: $input) ${payload} }`;
export const APPLY_COUPON = `mutation ($code: String!) { applyCoupon(code: $code) ${payload} }`;
export const REMOVE_COUPON = `mutation { removeCoupon ${payload} }`;
export const EMPTY_CART = `mutation { emptyCart ${payload} }`;
export const SET_TAX_RATE = `mutation ($country: String!, $ratePercent: Float!) {
  setTaxRate(country: $country, ratePercent: $ratePercent) { taxRate { country ratePercent } errors { code field } }
}`;
export const CHECKOUT = `mutation ($input: CheckoutInput!) {
  checkout(input: $input) {
    order { id status total { ${MONEY} } subtotal { ${MONEY} } discount { ${MONEY} } shipping { ${MONEY} } tax { ${MONEY} }
            appliedPromotions { code description amount { ${MONEY} } } lines { product { id } name quantity unitPrice { ${MONEY} } } }
    errors { code message field }
    total { ${MONEY} }
  }
}`;

/** Sends an operation as the caller and gives back its data, failing on any GraphQL error. */
export async function send(ordering: OrderingHarness, query: string, variables: Record<string, unknown>, caller: Identity | null): Promise<any> {
  const { body } = await ordering.request(query, variables, caller);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export const addToCart = (ordering: OrderingHarness, customer: Identity, productId: string, quantity = 1) =>
  send(ordering, ADD_TO_CART, { input: { productId, quantity } }, customer).then((data) => data.addToCart);

export const myCart = (ordering: OrderingHarness, customer: Identity, variables: { country?: string; shippingOptionId?: string } = {}) =>
  send(ordering, MY_CART, variables, customer).then((data) => data.me.cart);

/** Shipping's quote for the lines, signed as shipping signs it: 4.99 EUR by DHL to Germany for 30 minutes unless told otherwise. */
export function aShippingQuote(
  lines: readonly { productId: string; quantity: number }[],
  overrides: { country?: string; amount?: number; expiresAt?: Date; secret?: string } = {},
): string {
  const { country = 'DE', amount = 499, expiresAt = new Date(Date.now() + 30 * 60_000), secret = shippingQuoteSecret({}) } = overrides;
  return signShippingQuote(secret, { country, linesDigest: linesDigest(lines), carrier: 'DHL', price: { amount, currency: 'EUR' }, days: 2, expiresAt: expiresAt.toISOString() });
}

export const GERMAN_ADDRESS = { name: 'Ada Lovelace', line1: 'Unter den Linden 1', line2: null, city: 'Berlin', postalCode: '10117', country: 'DE' };

export function aCheckoutInput(shippingOptionId: string, expectedTotal: number, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    shippingAddress: GERMAN_ADDRESS,
    contactEmail: 'ada@example.com',
    paymentToken: 'tok_visa',
    shippingOptionId,
    expectedTotal: { amount: expectedTotal, currency: 'EUR' },
    ...overrides,
  };
}

export const checkout = (ordering: OrderingHarness, customer: Identity, input: ReturnType<typeof aCheckoutInput>) =>
  send(ordering, CHECKOUT, { input }, customer).then((data) => data.checkout);

function event<C extends EventContract>(contract: C, aggregateId: string, body: PayloadOf<C>, correlationId?: string): EventEnvelope {
  return toEnvelope({ contract, aggregateId, payload: body, occurredAt: new Date(), ...(correlationId ? { correlationId } : {}) });
}

type Activation = PayloadOf<typeof PromotionActivatedV1>;

/** promotions.promotion-activated.v1: an automatic 10 % off everything, started an hour ago, unless told otherwise. */
export function promotionActivated(overrides: Partial<Activation> = {}): EventEnvelope & { payload: Activation } {
  const promotionId = overrides.promotionId ?? randomUUID();
  const body: Activation = {
    promotionId,
    code: null,
    description: '10 % off everything',
    kind: 'PERCENT_OFF',
    percentOff: 10,
    amountOff: null,
    productIds: [],
    categoryIds: [],
    minimumSubtotal: null,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: null,
    limited: false,
    ...overrides,
  };
  return event(PromotionActivatedV1, promotionId, body) as EventEnvelope & { payload: Activation };
}

export const promotionEnded = (promotionId: string) => event(PromotionEndedV1, promotionId, { promotionId });
export const promotionsRedeemed = (orderId: string, promotionIds: string[]) => event(PromotionsRedeemedV1, orderId, { orderId, promotionIds }, orderId);
export const redemptionRefused = (orderId: string, promotionId: string, code: string | null) =>
  event(RedemptionRefusedV1, orderId, { orderId, promotionId, code, reason: 'It has been used up.' }, orderId);

/** The German tax rate the tests charge (19 %), set straight in the table. */
export async function germanTax(ordering: OrderingHarness): Promise<void> {
  await ordering.sql.query("INSERT INTO tax_rates (country, basis_points) VALUES ('DE', 1900) ON CONFLICT (country) DO UPDATE SET basis_points = 1900");
}
