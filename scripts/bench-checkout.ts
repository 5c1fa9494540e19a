import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { issueToken } from '../gateway/src/auth/tokens';
import { loadConfig } from '../gateway/src/config';
import { graphql } from '../test/support/graphql-client';
import { clientOperations } from '../test/support/operations';
import { describeDistribution, distribution } from './bench/stats';

/**
 * `pnpm bench:checkout` (with `pnpm dev` running): the storefront's own cart and checkout
 * operations through the gateway, one request at a time. `Cart` spans ordering (lines, prices,
 * promotions, tax, total), catalog (the product's current name) and shipping (signed shipping
 * options for the cart's lines); `Checkout` turns a cart into an order in one transaction.
 *
 * Settings: GATEWAY_URL (http://127.0.0.1:4000/graphql), BENCH_RUNS (200 Cart queries),
 * BENCH_CHECKOUTS (50, each with a fresh cart of two demo products, one unit each).
 */
const endpoint = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const runs = Number(process.env.BENCH_RUNS ?? 200);
const checkouts = Number(process.env.BENCH_CHECKOUTS ?? 50);
const ops = clientOperations('storefront');
const run = randomBytes(3).toString('hex');
const COUNTRY = 'DE';

type Money = { amount: number; currency: string };
interface CartView {
  total: Money;
  shippingOptions: { id: string; carrier: string }[];
}

async function request<T>(operation: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await graphql<T>(endpoint, ops[operation]!, variables, token);
  if (result.errors || !result.data) throw new Error(`${operation} failed: ${JSON.stringify(result.errors ?? result)}`);
  return result.data;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  samples.push(performance.now() - started);
  return value;
}

async function fillCart(token: string, productIds: readonly string[]): Promise<void> {
  for (const productId of productIds) {
    const added = await request<{ addToCart: { errors: unknown[] } }>('AddToCart', { input: { productId, quantity: 1 } }, token);
    if (added.addToCart.errors.length > 0) throw new Error(`addToCart refused: ${JSON.stringify(added.addToCart.errors)}`);
  }
}

const cartOf = async (token: string): Promise<CartView> =>
  (await request<{ me: { cart: CartView } }>('Cart', { country: COUNTRY }, token)).me.cart;

async function main(): Promise<void> {
  const config = loadConfig();
  const tokenFor = (subject: string) => issueToken(config.jwtSecret, subject, ['customer'], '1h', { issuer: config.jwtIssuer, audience: config.jwtAudience });
  const list = await graphql<{ products: { edges: { node: { id: string } }[] } }>(endpoint, ops.ProductList!, { first: 2, country: COUNTRY });
  const productIds = list.data?.products.edges.map((edge) => edge.node.id) ?? [];
  if (productIds.length < 2) throw new Error(`the demo catalog is not there (is pnpm dev running at ${endpoint}?)`);

  const browsing = await tokenFor(`bench-checkout-${run}-browser`);
  await fillCart(browsing, productIds);
  const cartSamples: number[] = [];
  for (let i = 0; i < 20; i += 1) await cartOf(browsing);
  for (let i = 0; i < runs; i += 1) await timed(cartSamples, () => cartOf(browsing));
  await request('UpdateCartLine', { input: { productId: productIds[0], quantity: 0 } }, browsing);
  await request('UpdateCartLine', { input: { productId: productIds[1], quantity: 0 } }, browsing);

  const checkoutSamples: number[] = [];
  for (let i = 0; i < checkouts; i += 1) {
    const shopper = await tokenFor(`bench-checkout-${run}-${i}`);
    await fillCart(shopper, productIds);
    const cart = await cartOf(shopper);
    const option = cart.shippingOptions[0];
    if (!option) throw new Error(`shipping quoted no option for ${COUNTRY}`);
    const priced = (await request<{ me: { cart: CartView } }>('Cart', { country: COUNTRY, shippingOptionId: option.id }, shopper)).me.cart;
    const input = {
      idempotencyKey: randomUUID(),
      shippingAddress: { name: 'Bench Shopper', line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country: COUNTRY },
      contactEmail: 'bench@example.com',
      paymentToken: 'tok_visa',
      shippingOptionId: option.id,
      expectedTotal: { amount: priced.total.amount, currency: priced.total.currency },
    };
    const placed = await timed(checkoutSamples, () => request<{ checkout: { errors: unknown[] } }>('Checkout', { input }, shopper));
    if (placed.checkout.errors.length > 0) throw new Error(`checkout refused: ${JSON.stringify(placed.checkout.errors)}`);
  }

  console.log(`endpoint ${endpoint}`);
  console.log(`Cart (2 lines, shipping options and tax for ${COUNTRY})   ${describeDistribution(distribution(cartSamples))}   (${runs} sequential requests)`);
  console.log(`Checkout (2 lines, a quoted shipping option)    ${describeDistribution(distribution(checkoutSamples))}   (${checkouts} sequential checkouts)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
