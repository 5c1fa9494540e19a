import { randomUUID } from 'node:crypto';
import { linesDigest, shippingQuoteSecret, signShippingQuote } from '@storefront/events';
import { eventually } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { Storefront } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(120_000);

/**
 * Checkout through the gateway with the storefront's own operations: the cart becomes an order
 * whose total is subtotal - discount + shipping + tax, and payments authorizes exactly that total.
 * The shipping option is signed here as shipping signs its quotes (the same published contract).
 */
const ops = clientOperations('storefront');
let system: RunningSystem;
let shop: Storefront;
let endpoint: string;

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
  shop = new Storefront(endpoint, await system.token('admin-1', ['customer', 'admin']));
});
afterAll(() => system?.stop());

const TOTAL = `query ($country: String!, $shippingOptionId: ID) { me { cart { total(country: $country, shippingOptionId: $shippingOptionId) { amount currency } } } }`;
const ORDER = `query ($id: ID!) { order(id: $id) { status total { amount } subtotal { amount } shipping { amount } tax { amount } payment { status amount { amount } } } }`;

/** Adds to the cart once ordering's price list knows the product (it learns it from catalog's events). */
async function addOnceSellable(customer: string, productId: string, quantity: number) {
  await eventually(async () => {
    const added = await graphql(endpoint, ops.AddToCart!, { input: { productId, quantity } }, customer);
    const errors = added.data!.addToCart.errors as { code: string }[];
    if (errors.some((error) => error.code === 'UNKNOWN_PRODUCT')) return undefined;
    if (errors.length > 0) throw new Error(`addToCart refused: ${JSON.stringify(errors)}`);
    return true;
  }, 'ordering to sell the product');
}

describe('checkout through the gateway', () => {
  it('confirms the order and authorizes exactly its total: the lines, the quoted shipping fee and the German tax', async () => {
    const ada = await system.token(`customer-${randomUUID().slice(0, 8)}`);
    const lamp = await shop.stockedProduct('CHECKOUT-LAMP', 5, 4500);
    await addOnceSellable(ada, lamp, 2);
    const lines = [{ productId: lamp, quantity: 2 }];
    const quote = signShippingQuote(shippingQuoteSecret({}), {
      country: 'DE',
      linesDigest: linesDigest(lines),
      carrier: 'DHL',
      price: { amount: 599, currency: 'EUR' },
      days: 2,
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    const shown = await graphql(endpoint, TOTAL, { country: 'DE', shippingOptionId: quote }, ada);
    // (9000 + 599) x 1.19 = 11422.81 -> 11423.
    expect(shown.data!.me.cart.total).toEqual({ amount: 11423, currency: 'EUR' });

    const input = {
      idempotencyKey: randomUUID(),
      shippingAddress: { name: 'Ada Lovelace', line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
      contactEmail: 'ada@example.com',
      paymentToken: 'tok_visa',
      shippingOptionId: quote,
      expectedTotal: { amount: 11423, currency: 'EUR' },
    };
    const placed = await graphql(endpoint, ops.Checkout!, { input }, ada);
    expect(placed.data!.checkout.errors).toEqual([]);
    const id = placed.data!.checkout.order.id as string;

    const confirmed = await eventually(async () => {
      const order = (await graphql(endpoint, ORDER, { id }, ada)).data!.order;
      return order.status === 'CONFIRMED' && order.payment?.status === 'AUTHORIZED' ? order : undefined;
    }, 'the order to be confirmed with its payment authorized', 30_000);
    expect(confirmed).toEqual({
      status: 'CONFIRMED',
      total: { amount: 11423 },
      subtotal: { amount: 9000 },
      shipping: { amount: 599 },
      tax: { amount: 1824 },
      payment: { status: 'AUTHORIZED', amount: { amount: 11423 } },
    });
  });
});
