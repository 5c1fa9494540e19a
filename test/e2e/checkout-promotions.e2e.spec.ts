import { randomUUID } from 'node:crypto';
import { eventually } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { Storefront } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(180_000);

/**
 * The cart's promotions and shipping fee end to end: ordering prices with the promotions it learned
 * from promotions' events, shipping quotes the options and signs them, ordering charges the quote,
 * and promotions redeems the order's coupon in the saga (or refuses it, and ordering rejects).
 */
const shopOps = clientOperations('storefront');
const backOffice = clientOperations('back-office');
let system: RunningSystem;
let shop: Storefront;
let endpoint: string;
let admin: string;

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
  admin = await system.token('admin-1', ['customer', 'admin']);
  shop = new Storefront(endpoint, admin);
});
afterAll(() => system?.stop());

interface Money {
  amount: number;
  currency: string;
}

const ORDER = `query ($id: ID!) { order(id: $id) { status statusReason { code } subtotal { amount } discount { amount } shipping { amount } tax { amount } total { amount } payment { status amount { amount } } } }`;
const aCustomer = () => system.token(`customer-${randomUUID().slice(0, 8)}`);

/** Adds to the cart once ordering's price list knows the product (it learns it from catalog's events). */
async function addOnceSellable(customer: string, productId: string, quantity: number): Promise<void> {
  await eventually(async () => {
    const added = await graphql(endpoint, shopOps.AddToCart!, { input: { productId, quantity } }, customer);
    const errors = added.data!.addToCart.errors as { code: string }[];
    if (errors.some((error) => error.code === 'UNKNOWN_PRODUCT')) return undefined;
    if (errors.length > 0) throw new Error(`addToCart refused: ${JSON.stringify(errors)}`);
    return true;
  }, 'ordering to sell the product');
}

/** Applies a coupon once ordering has heard of it from promotions. */
async function applyOnceKnown(customer: string, code: string): Promise<void> {
  await eventually(async () => {
    const applied = await graphql(endpoint, shopOps.ApplyCoupon!, { code }, customer);
    const errors = applied.data!.applyCoupon.errors as { code: string }[];
    if (errors.some((error) => error.code === 'UNKNOWN_COUPON')) return undefined;
    if (errors.length > 0) throw new Error(`applyCoupon refused: ${JSON.stringify(errors)}`);
    return true;
  }, `ordering to learn of the coupon ${code}`);
}

/** The cart as the shopper sees it for Germany, with the cheapest shipping option shipping quoted picked. */
async function cartWithCheapestOption(customer: string) {
  const first = await graphql(endpoint, shopOps.Cart!, { country: 'DE' }, customer);
  expect(first.errors).toBeUndefined();
  const options = first.data!.me.cart.shippingOptions as { id: string; carrier: string; price: Money }[];
  expect(options.length).toBeGreaterThan(0);
  const cheapest = options[0]!;
  const priced = await graphql(endpoint, shopOps.Cart!, { country: 'DE', shippingOptionId: cheapest.id }, customer);
  return { cart: priced.data!.me.cart, option: cheapest };
}

function checkout(customer: string, shippingOptionId: string, expectedTotal: Money) {
  const input = {
    idempotencyKey: randomUUID(),
    shippingAddress: { name: 'Ada Lovelace', line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
    contactEmail: 'ada@example.com',
    paymentToken: 'tok_visa',
    shippingOptionId,
    expectedTotal: { amount: expectedTotal.amount, currency: expectedTotal.currency },
  };
  return graphql(endpoint, shopOps.Checkout!, { input }, customer);
}

async function orderWhenSettled(id: string, customer: string) {
  return eventually(async () => {
    const order = (await graphql(endpoint, ORDER, { id }, customer)).data!.order;
    const settled = (order.status === 'CONFIRMED' && order.payment?.status === 'AUTHORIZED') || order.status === 'REJECTED';
    return settled ? order : undefined;
  }, `order ${id} to be confirmed or rejected`, 60_000);
}

async function redemptionsOf(code: string): Promise<number> {
  const list = await graphql(endpoint, backOffice.Promotions!, { first: 100 }, admin);
  const node = (list.data!.promotions.edges as { node: { code: string | null; redemptionCount: number } }[]).map((e) => e.node).find((p) => p.code === code);
  if (!node) throw new Error(`no promotion ${code}`);
  return node.redemptionCount;
}

describe('checkout with promotions and a shipping quote, through the gateway', () => {
  it('charges the WELCOME5 discount and the fee shipping quoted, confirms the order with the payment authorized for its total, and redeems the coupon', async () => {
    const ada = await aCustomer();
    const kettle = await shop.stockedProduct('PROMO-KETTLE', 5, 4500);
    await addOnceSellable(ada, kettle, 2);
    await applyOnceKnown(ada, 'WELCOME5');
    const before = await redemptionsOf('WELCOME5');

    const { cart, option } = await cartWithCheapestOption(ada);
    expect(cart.subtotal.amount).toBe(9000);
    expect(cart.discount.amount).toBe(500);
    expect(cart.appliedPromotions).toEqual([expect.objectContaining({ code: 'WELCOME5', amount: expect.objectContaining({ amount: 500 }) })]);
    // Germany's tax on the discounted lines and the quoted fee, rounded once.
    const placed = await checkout(ada, option.id, cart.total);
    expect(placed.data!.checkout.errors).toEqual([]);
    const id = placed.data!.checkout.order.id as string;

    const order = await orderWhenSettled(id, ada);
    expect(order.status).toBe('CONFIRMED');
    expect({ subtotal: order.subtotal.amount, discount: order.discount.amount, shipping: order.shipping.amount }).toEqual({ subtotal: 9000, discount: 500, shipping: option.price.amount });
    expect(order.total.amount).toBe(order.subtotal.amount - order.discount.amount + order.shipping.amount + order.tax.amount);
    expect(order.total.amount).toBe(cart.total.amount);
    expect(order.payment.amount.amount).toBe(order.total.amount);
    await eventually(async () => ((await redemptionsOf('WELCOME5')) === before + 1 ? true : undefined), 'WELCOME5 to be redeemed once more');
  });

  it('lets exactly five of twelve racing customers have a coupon limited to five, rejects the others, and gives a cancelled order its redemption back', async () => {
    const code = `RACE-${randomUUID().slice(0, 6).toUpperCase()}`;
    const created = await graphql(endpoint, backOffice.CreatePromotion!, { input: { code, description: '2 € off, five times', kind: 'AMOUNT_OFF', value: 200, currency: 'EUR', usageLimit: 5 } }, admin);
    expect(created.data!.createPromotion.errors).toEqual([]);
    const mug = await shop.stockedProduct('PROMO-RACE-MUG', 50, 1500);
    const racers = await Promise.all(Array.from({ length: 12 }, () => aCustomer()));
    for (const racer of racers) {
      await addOnceSellable(racer, mug, 1);
      await applyOnceKnown(racer, code);
    }
    const carts = await Promise.all(racers.map((racer) => cartWithCheapestOption(racer)));
    expect(carts.every(({ cart }) => cart.discount.amount === 200)).toBe(true);

    const placed = await Promise.all(racers.map((racer, i) => checkout(racer, carts[i]!.option.id, carts[i]!.cart.total)));
    const ids = placed.map((result) => {
      expect(result.data!.checkout.errors).toEqual([]);
      return result.data!.checkout.order.id as string;
    });
    const orders = await Promise.all(ids.map((id, i) => orderWhenSettled(id, racers[i]!)));

    const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
    const rejected = orders.filter((order) => order.status === 'REJECTED');
    expect([confirmed.length, rejected.length]).toEqual([5, 7]);
    expect(confirmed.every((order) => order.discount.amount === 200 && order.payment.amount.amount === order.total.amount)).toBe(true);
    expect(rejected.every((order) => order.statusReason?.code === 'PROMOTION_UNAVAILABLE')).toBe(true);
    expect(await redemptionsOf(code)).toBe(5);

    const winner = orders.findIndex((order) => order.status === 'CONFIRMED');
    const cancelled = await shop.cancel(ids[winner]!, racers[winner]!);
    expect(cancelled.data!.cancelOrder.errors).toEqual([]);
    await eventually(async () => ((await redemptionsOf(code)) === 4 ? true : undefined), 'the cancelled order to give its redemption back');
  });
});
