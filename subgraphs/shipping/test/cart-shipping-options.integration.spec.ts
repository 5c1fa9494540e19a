import { randomUUID } from 'node:crypto';
import { linesDigest, verifyShippingQuote } from '@storefront/events';
import { DEFAULT_RATES } from '../src/infrastructure/default-rate-table';
import { QUOTE_SECRET, SET_PARCEL_PROFILE, aLearnedProductId, aProductId, admin, startHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

/** Ordering's cart as the gateway hands it to shipping for `shippingOptions`: its key and the fields it `@requires`. */
const SHIPPING_OPTIONS = /* GraphQL */ `
  query ($representations: [_Any!]!, $country: String!) {
    _entities(representations: $representations) {
      ... on Cart { id shippingOptions(country: $country) { id carrier price { amount currency formatted } days expiresAt } }
    }
  }
`;

interface Line {
  productId: string;
  quantity: number;
}

const aCart = (lines: Line[], id = randomUUID()) => ({ __typename: 'Cart', id, lines: lines.map(({ productId, quantity }) => ({ product: { id: productId }, quantity })) });

const shipping = startedForThisFile(startHarness);

/** A product shipping has learned of and measured. */
async function aMeasuredProduct(weightGrams: number, fragile = false): Promise<string> {
  const productId = await aLearnedProductId(shipping.db);
  const result = await shipping.graphql(SET_PARCEL_PROFILE, { input: { productId, weightGrams, lengthMm: 100, widthMm: 100, heightMm: 100, fragile } }, admin);
  expect(result.data!.setParcelProfile.errors).toEqual([]);
  return productId;
}

async function shippingOptions(carts: ReturnType<typeof aCart>[], country: string) {
  return shipping.graphql(SHIPPING_OPTIONS, { representations: carts, country });
}

/** What the default rates charge to a country for a parcel of so many started kilograms. */
function priceWith(country: string, carrier: string, kilograms: number, fragile: boolean): number {
  const rate = DEFAULT_RATES.find((r) => r.country === country && r.carrier === carrier)!;
  return rate.baseAmount + rate.perKgAmount * kilograms + (fragile ? rate.fragileSurchargeAmount : 0);
}

describe("a cart's shipping options", () => {
  it("price the cart's lines sent together with every carrier to the country, cheapest first, each a signed quote of those lines", async () => {
    const mug = await aMeasuredProduct(700);
    const vase = await aMeasuredProduct(1200, true);
    const lines = [{ productId: mug, quantity: 2 }, { productId: vase, quantity: 1 }];
    const before = Date.now();

    const result = await shippingOptions([aCart(lines)], 'DE');

    expect(result.errors).toBeUndefined();
    const options = result.data!._entities[0].shippingOptions;
    // 2 x 700 g + 1200 g: 3 started kilograms, fragile.
    const expected = ['DHL', 'UPS', 'Post']
      .map((carrier) => ({ carrier, amount: priceWith('DE', carrier, 3, true), days: DEFAULT_RATES.find((r) => r.country === 'DE' && r.carrier === carrier)!.days }))
      .sort((a, b) => a.amount - b.amount || a.days - b.days);
    expect(options.map((o: any) => ({ carrier: o.carrier, amount: o.price.amount, days: o.days }))).toEqual(expected);
    expect(options[0].price).toEqual({ amount: expected[0]!.amount, currency: 'EUR', formatted: expect.stringContaining('€') });

    for (const option of options) {
      const verdict = verifyShippingQuote(QUOTE_SECRET, option.id, new Date());
      expect(verdict).toEqual({
        ok: true,
        quote: { country: 'DE', linesDigest: linesDigest(lines), carrier: option.carrier, price: { amount: option.price.amount, currency: 'EUR' }, days: option.days, expiresAt: option.expiresAt },
      });
      const lifetime = Date.parse(option.expiresAt) - before;
      expect(lifetime).toBeGreaterThanOrEqual(30 * 60_000);
      expect(lifetime).toBeLessThan(31 * 60_000);
      expect(verifyShippingQuote(QUOTE_SECRET, option.id, new Date(Date.parse(option.expiresAt)))).toEqual({ ok: false, reason: 'EXPIRED' });
      expect(verifyShippingQuote('another-secret', option.id, new Date())).toEqual({ ok: false, reason: 'INVALID' });
    }
  });

  it('answer several carts in one request, each for its own lines, and quote the rest of the world for a country without rates of its own', async () => {
    const light = await aMeasuredProduct(500);
    const heavy = await aMeasuredProduct(4500);
    const carts = [aCart([{ productId: light, quantity: 1 }]), aCart([{ productId: heavy, quantity: 1 }])];

    const result = await shippingOptions(carts, 'JP');

    const [first, second] = result.data!._entities;
    expect(first.id).toBe(carts[0]!.id);
    expect(first.shippingOptions.map((o: any) => o.price.amount)).toContain(priceWith('*', 'Post', 1, false));
    expect(second.shippingOptions.map((o: any) => o.price.amount)).toContain(priceWith('*', 'Post', 5, false));
    const quote = verifyShippingQuote(QUOTE_SECRET, second.shippingOptions[0].id, new Date());
    expect(quote.ok && quote.quote).toMatchObject({ country: 'JP', linesDigest: linesDigest([{ productId: heavy, quantity: 1 }]) });
  });

  it('count a product not measured yet as weighing nothing', async () => {
    const mug = await aMeasuredProduct(700);
    const result = await shippingOptions([aCart([{ productId: mug, quantity: 1 }, { productId: aProductId(), quantity: 5 }])], 'DE');
    const post = result.data!._entities[0].shippingOptions.find((o: any) => o.carrier === 'Post');
    expect(post.price.amount).toBe(priceWith('DE', 'Post', 1, false));
  });

  it('are none for an empty cart', async () => {
    const result = await shippingOptions([aCart([])], 'DE');
    expect(result.data!._entities[0].shippingOptions).toEqual([]);
  });

  it.each(['XX', 'de', 'EU'])('are refused with BAD_USER_INPUT for "%s", which names no country', async (country) => {
    const mug = await aMeasuredProduct(700);
    const result = await shippingOptions([aCart([{ productId: mug, quantity: 1 }])], country);
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining(country), extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
  });
});
