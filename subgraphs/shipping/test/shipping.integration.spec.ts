import { randomUUID } from 'node:crypto';
import { DEFAULT_RATES, seedDefaultRates } from '../src/infrastructure/default-rate-table';
import { SET_PARCEL_PROFILE, aLearnedProductId, aProductId, admin, asProducts, customer, learnProducts, startHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const PRODUCTS = /* GraphQL */ `
  query ($representations: [_Any!]!, $country: String!) {
    _entities(representations: $representations) {
      ... on Product {
        id
        parcelStatus
        shippingProfile { weightGrams lengthMm widthMm heightMm fragile }
        shippingEstimate(country: $country) { carrier price { amount currency formatted } days }
      }
    }
  }
`;

const RATES = /* GraphQL */ `
  query ($country: String) {
    shippingRates(country: $country) { country carrier base { amount currency formatted } perKg { amount } fragileSurcharge { amount } days }
  }
`;

const shipping = startedForThisFile(startHarness);

/** A 2.4 kg box of 300 x 200 x 150 mm (billed as 3 started kilograms), for a product shipping has learned of. */
async function profileInput(overrides: Record<string, unknown> = {}) {
  return { productId: await aLearnedProductId(shipping.db), weightGrams: 2400, lengthMm: 300, widthMm: 200, heightMm: 150, ...overrides };
}

async function setProfile(input: Record<string, unknown>, identity = admin as typeof admin | null) {
  return shipping.graphql(SET_PARCEL_PROFILE, { input }, identity);
}

describe('the shipping subgraph', () => {
  it('refuses requests that do not come through the gateway', async () => {
    expect((await shipping.graphql(RATES, {}, null, null)).status).toBe(401);
    expect((await shipping.graphql(RATES, {}, admin, 'another-secret')).status).toBe(401);
  });

  it('seeds the default rates idempotently and serves them as the rate table', async () => {
    expect(await seedDefaultRates(shipping.db)).toBe(0);
    expect(await shipping.db.shippingRate.count()).toBe(DEFAULT_RATES.length);

    const all = await shipping.graphql(RATES);
    expect(all.data!.shippingRates).toHaveLength(DEFAULT_RATES.length);
    const germany = await shipping.graphql(RATES, { country: 'DE' });
    expect(germany.data!.shippingRates).toContainEqual({
      country: 'DE', carrier: 'Post', base: { amount: 449, currency: 'EUR', formatted: '€4.49' }, perKg: { amount: 60 }, fragileSurcharge: { amount: 250 }, days: 3,
    });
    expect(germany.data!.shippingRates.map((rate: { country: string }) => rate.country)).toEqual(['DE', 'DE', 'DE']);
    const japan = await shipping.graphql(RATES, { country: 'JP' });
    expect(japan.data!.shippingRates.map((rate: { country: string }) => rate.country)).toEqual(['*', '*', '*']);
  });

  it('keeps a rate someone changed when the defaults are seeded again', async () => {
    const where = { country_carrier: { country: 'NL', carrier: 'UPS' } };
    const original = await shipping.db.shippingRate.findUniqueOrThrow({ where });
    await shipping.db.shippingRate.update({ where, data: { baseAmount: 1234 } });
    try {
      expect(await seedDefaultRates(shipping.db)).toBe(0);
      expect((await shipping.db.shippingRate.findUniqueOrThrow({ where })).baseAmount).toBe(1234);
    } finally {
      await shipping.db.shippingRate.update({ where, data: { baseAmount: original.baseAmount } });
    }
  });

  it('answers a rate query for a malformed country with BAD_USER_INPUT', async () => {
    const result = await shipping.graphql(RATES, { country: 'de' });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/country/), extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
  });
});

describe('parcel profiles and estimates', () => {
  it('sets a profile and estimates the cheapest delivery for it; knows nothing of other products', async () => {
    const input = await profileInput();
    const set = await setProfile(input);
    expect(set.data!.setParcelProfile).toEqual({
      shippingProfile: { weightGrams: 2400, lengthMm: 300, widthMm: 200, heightMm: 150, fragile: false },
      parcelStatus: 'MEASURED',
      errors: [],
    });

    const unknown = aProductId();
    const germany = await shipping.graphql(PRODUCTS, { representations: asProducts([input.productId, unknown]), country: 'DE' });
    expect(germany.errors).toBeUndefined();
    // 3 kg to DE: Post 449 + 3 x 60 = 629 beats DHL 499 + 3 x 50 = 649 and UPS 690 + 3 x 80 = 930.
    expect(germany.data!._entities).toEqual([
      {
        id: input.productId,
        parcelStatus: 'MEASURED',
        shippingProfile: { weightGrams: 2400, lengthMm: 300, widthMm: 200, heightMm: 150, fragile: false },
        shippingEstimate: { carrier: 'Post', price: { amount: 629, currency: 'EUR', formatted: '€6.29' }, days: 3 },
      },
      { id: unknown, parcelStatus: null, shippingProfile: null, shippingEstimate: null },
    ]);

    // No rates of its own: quoted from the rest of the world, Post 2490 + 3 x 700 = 4590.
    const japan = await shipping.graphql(PRODUCTS, { representations: asProducts([input.productId]), country: 'JP' });
    expect(japan.data!._entities[0].shippingEstimate).toEqual({ carrier: 'Post', price: { amount: 4590, currency: 'EUR', formatted: '€45.90' }, days: 14 });
  });

  it('replaces a profile as a whole, and charges the fragile surcharge and the volumetric weight', async () => {
    const input = await profileInput();
    await setProfile(input);
    // 600 x 400 x 300 mm weighs 14.4 kg volumetrically: 15 started kilograms, plus the fragile surcharge.
    const replaced = await setProfile({ ...input, weightGrams: 900, lengthMm: 600, widthMm: 400, heightMm: 300, fragile: true });
    expect(replaced.data!.setParcelProfile.errors).toEqual([]);

    const result = await shipping.graphql(PRODUCTS, { representations: asProducts([input.productId]), country: 'DE' });
    expect(result.data!._entities[0]).toMatchObject({
      shippingProfile: { weightGrams: 900, lengthMm: 600, widthMm: 400, heightMm: 300, fragile: true },
      // DHL 499 + 15 x 50 + 300 = 1549 beats Post 449 + 15 x 60 + 250 = 1599.
      shippingEstimate: { carrier: 'DHL', price: { amount: 1549 }, days: 2 },
    });
  });

  it.each([
    [{ weightGrams: 0 }, 'INVALID_WEIGHT', 'weightGrams'],
    [{ weightGrams: 70_001 }, 'INVALID_WEIGHT', 'weightGrams'],
    [{ lengthMm: 0 }, 'INVALID_DIMENSIONS', 'lengthMm'],
    [{ widthMm: 3001 }, 'INVALID_DIMENSIONS', 'widthMm'],
    [{ heightMm: -10 }, 'INVALID_DIMENSIONS', 'heightMm'],
    [{ productId: '' }, 'INVALID_PRODUCT_ID', 'productId'],
  ])('refuses %j with %s on %s and stores nothing', async (overrides, code, field) => {
    const input = await profileInput(overrides);
    const result = await setProfile(input);
    expect(result.errors).toBeUndefined();
    expect(result.data!.setParcelProfile).toEqual({ shippingProfile: null, parcelStatus: null, errors: [{ code, field, message: expect.any(String) }] });
    expect(await shipping.db.parcelProfile.count({ where: { productId: input.productId } })).toBe(0);
  });

  it('refuses a profile for a product shipping has not learned of with UNKNOWN_PRODUCT, and stores nothing', async () => {
    const input = { ...(await profileInput()), productId: randomUUID() };
    const result = await setProfile(input);
    expect(result.data!.setParcelProfile).toEqual({
      shippingProfile: null,
      parcelStatus: null,
      errors: [{ code: 'UNKNOWN_PRODUCT', field: 'productId', message: expect.stringContaining(input.productId) }],
    });
    expect(await shipping.db.parcelProfile.count({ where: { productId: input.productId } })).toBe(0);
  });

  it('still takes a profile for a product catalog has discontinued: returns travel too', async () => {
    const [productId] = await learnProducts(shipping.db, { discontinuedAt: new Date(), catalogVersion: 2 });
    const result = await setProfile({ ...(await profileInput()), productId });
    expect(result.data!.setParcelProfile.errors).toEqual([]);
  });

  it('answers an estimate for a country that is not two capital letters with BAD_USER_INPUT naming the argument', async () => {
    const input = await profileInput();
    await setProfile(input);
    for (const country of ['Germany', 'de', '*', '']) {
      const result = await shipping.graphql(PRODUCTS, { representations: asProducts([input.productId]), country });
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/country/), extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
    }
  });

  it('lets only admins set profiles', async () => {
    const input = await profileInput();
    const asCustomer = await setProfile(input, customer);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await setProfile(input, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await shipping.db.parcelProfile.count({ where: { productId: input.productId } })).toBe(0);
  });
});

describe('batching', () => {
  it('resolves 100 products with status, profile and estimate in one SQL query once the rate table is warm', async () => {
    const ids = Array.from({ length: 100 }, aProductId);
    // Even: learned and measured. Odd below 60: learned, awaiting measurement. 99: a profile from before shipping learned products. Rest: unknown.
    const measured = ids.filter((_, index) => index % 2 === 0);
    const awaiting = ids.filter((_, index) => index % 2 === 1 && index < 60);
    await learnProducts(shipping.db, ...measured, ...awaiting);
    const profiled = [...measured, ids[99]!];
    await shipping.db.parcelProfile.createMany({ data: profiled.map((productId, index) => ({ productId, weightGrams: 500 + index * 100, lengthMm: 200, widthMm: 150, heightMm: 100 })) });

    await shipping.graphql(PRODUCTS, { representations: asProducts(ids), country: 'FR' });
    shipping.server.sqlQueries.reset();
    const result = await shipping.graphql(PRODUCTS, { representations: asProducts(ids), country: 'FR' });

    expect(result.errors).toBeUndefined();
    expect(shipping.server.sqlQueries.count).toBe(1);
    const entities = result.data!._entities as { id: string; parcelStatus: string | null; shippingProfile: unknown; shippingEstimate: unknown }[];
    expect(entities.map((entity) => entity.id)).toEqual(ids);
    expect(entities.filter((entity) => entity.shippingProfile !== null).map((entity) => entity.id)).toEqual(profiled);
    expect(entities.filter((entity) => entity.parcelStatus === 'MEASURED').map((entity) => entity.id)).toEqual(profiled);
    expect(entities.filter((entity) => entity.parcelStatus === 'AWAITING_MEASUREMENT').map((entity) => entity.id)).toEqual(awaiting);
    expect(entities.filter((entity) => entity.parcelStatus === null)).toHaveLength(100 - profiled.length - awaiting.length);
    expect(entities.every((entity) => (entity.shippingProfile === null) === (entity.shippingEstimate === null))).toBe(true);
  });
});
