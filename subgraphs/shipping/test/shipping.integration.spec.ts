import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrateContext } from '@storefront/db-tools';
import { signIdentityHeaders, type Identity, type QueryCounter, type RunningServer } from '@storefront/platform';
import { startShipping } from '../src/main';
import { connectShippingDb, type ShippingDb } from '../src/infrastructure/shipping-database';
import { DEFAULT_RATES, seedDefaultRates } from '../src/infrastructure/default-rate-table';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const databaseUrl = `${SERVER}/storefront_shipping_it_${randomBytes(4).toString('hex')}`;
const GATEWAY_SECRET = 'shipping-test-gateway-secret';

const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

const SET_PARCEL_PROFILE = /* GraphQL */ `
  mutation ($input: SetParcelProfileInput!) {
    setParcelProfile(input: $input) {
      shippingProfile { weightGrams lengthMm widthMm heightMm fragile }
      errors { code message field }
    }
  }
`;

const PRODUCTS = /* GraphQL */ `
  query ($representations: [_Any!]!, $country: String!) {
    _entities(representations: $representations) {
      ... on Product {
        id
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

interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A 2.4 kg box of 300 x 200 x 150 mm: billed as 3 started kilograms. */
function profileInput(overrides: Record<string, unknown> = {}) {
  return { productId: newProductId(), weightGrams: 2400, lengthMm: 300, widthMm: 200, heightMm: 150, ...overrides };
}

function newProductId(): string {
  return `product-${randomBytes(6).toString('hex')}`;
}

const asProducts = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Product', id }));

let server: RunningServer & { sqlQueries: QueryCounter };
let db: ShippingDb;

async function graphql(query: string, variables: Record<string, unknown> = {}, identity: Identity | null = null, headers = signIdentityHeaders(identity, GATEWAY_SECRET)): Promise<GraphQLResponse> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

async function setProfile(input: Record<string, unknown>, identity: Identity | null = admin) {
  return graphql(SET_PARCEL_PROFILE, { input }, identity);
}

beforeAll(async () => {
  await ensureDatabase(databaseUrl);
  await migrateContext({ context: 'shipping', databaseUrl });
  ({ db } = connectShippingDb(databaseUrl));
  expect(await seedDefaultRates(db)).toBe(DEFAULT_RATES.length);
  server = await startShipping({ port: 0, databaseUrl, gatewaySecret: GATEWAY_SECRET, rateTableTtlMs: 60_000 });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
  await dropDatabase(databaseUrl);
});

describe('the shipping subgraph', () => {
  it('refuses requests that do not come through the gateway', async () => {
    expect((await graphql(RATES, {}, null, {})).status).toBe(401);
    expect((await graphql(RATES, {}, admin, signIdentityHeaders(admin, 'another-secret'))).status).toBe(401);
  });

  it('seeds the default rates idempotently and serves them as the rate table', async () => {
    expect(await seedDefaultRates(db)).toBe(0);
    expect(await db.shippingRate.count()).toBe(DEFAULT_RATES.length);

    const all = await graphql(RATES);
    expect(all.data!.shippingRates).toHaveLength(DEFAULT_RATES.length);
    const germany = await graphql(RATES, { country: 'DE' });
    expect(germany.data!.shippingRates).toContainEqual({
      country: 'DE', carrier: 'Post', base: { amount: 449, currency: 'EUR', formatted: '€4.49' }, perKg: { amount: 60 }, fragileSurcharge: { amount: 250 }, days: 3,
    });
    expect(germany.data!.shippingRates.map((rate: { country: string }) => rate.country)).toEqual(['DE', 'DE', 'DE']);
    const japan = await graphql(RATES, { country: 'JP' });
    expect(japan.data!.shippingRates.map((rate: { country: string }) => rate.country)).toEqual(['*', '*', '*']);
  });

  it('keeps a rate someone changed when the defaults are seeded again', async () => {
    const where = { country_carrier: { country: 'NL', carrier: 'UPS' } };
    const original = await db.shippingRate.findUniqueOrThrow({ where });
    await db.shippingRate.update({ where, data: { baseAmount: 1234 } });
    try {
      expect(await seedDefaultRates(db)).toBe(0);
      expect((await db.shippingRate.findUniqueOrThrow({ where })).baseAmount).toBe(1234);
    } finally {
      await db.shippingRate.update({ where, data: { baseAmount: original.baseAmount } });
    }
  });

  it('answers a rate query for a malformed country with BAD_USER_INPUT', async () => {
    const result = await graphql(RATES, { country: 'de' });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/country/), extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
  });
});

describe('parcel profiles and estimates', () => {
  it('sets a profile and estimates the cheapest delivery for it; knows nothing of other products', async () => {
    const input = profileInput();
    const set = await setProfile(input);
    expect(set.data!.setParcelProfile).toEqual({ shippingProfile: { weightGrams: 2400, lengthMm: 300, widthMm: 200, heightMm: 150, fragile: false }, errors: [] });

    const unknown = newProductId();
    const germany = await graphql(PRODUCTS, { representations: asProducts([input.productId, unknown]), country: 'DE' });
    expect(germany.errors).toBeUndefined();
    // 3 kg to DE: Post 449 + 3 x 60 = 629 beats DHL 499 + 3 x 50 = 649 and UPS 690 + 3 x 80 = 930.
    expect(germany.data!._entities).toEqual([
      {
        id: input.productId,
        shippingProfile: { weightGrams: 2400, lengthMm: 300, widthMm: 200, heightMm: 150, fragile: false },
        shippingEstimate: { carrier: 'Post', price: { amount: 629, currency: 'EUR', formatted: '€6.29' }, days: 3 },
      },
      { id: unknown, shippingProfile: null, shippingEstimate: null },
    ]);

    // No rates of its own: quoted from the rest of the world, Post 2490 + 3 x 700 = 4590.
    const japan = await graphql(PRODUCTS, { representations: asProducts([input.productId]), country: 'JP' });
    expect(japan.data!._entities[0].shippingEstimate).toEqual({ carrier: 'Post', price: { amount: 4590, currency: 'EUR', formatted: '€45.90' }, days: 14 });
  });

  it('replaces a profile as a whole, and charges the fragile surcharge and the volumetric weight', async () => {
    const input = profileInput();
    await setProfile(input);
    // 600 x 400 x 300 mm weighs 14.4 kg volumetrically: 15 started kilograms, plus the fragile surcharge.
    const replaced = await setProfile({ ...input, weightGrams: 900, lengthMm: 600, widthMm: 400, heightMm: 300, fragile: true });
    expect(replaced.data!.setParcelProfile.errors).toEqual([]);

    const result = await graphql(PRODUCTS, { representations: asProducts([input.productId]), country: 'DE' });
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
    const input = profileInput(overrides);
    const result = await setProfile(input);
    expect(result.errors).toBeUndefined();
    expect(result.data!.setParcelProfile).toEqual({ shippingProfile: null, errors: [{ code, field, message: expect.any(String) }] });
    expect(await db.parcelProfile.count({ where: { productId: input.productId } })).toBe(0);
  });

  it('answers an estimate for a country that is not two capital letters with BAD_USER_INPUT naming the argument', async () => {
    const input = profileInput();
    await setProfile(input);
    for (const country of ['Germany', 'de', '*', '']) {
      const result = await graphql(PRODUCTS, { representations: asProducts([input.productId]), country });
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/country/), extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
    }
  });

  it('lets only admins set profiles', async () => {
    const input = profileInput();
    const asCustomer = await setProfile(input, customer);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await setProfile(input, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db.parcelProfile.count({ where: { productId: input.productId } })).toBe(0);
  });
});

describe('batching', () => {
  it('resolves 100 products with profile and estimate in one SQL query once the rate table is warm', async () => {
    const ids = Array.from({ length: 100 }, newProductId);
    const known = ids.filter((_, index) => index % 2 === 0);
    await db.parcelProfile.createMany({ data: known.map((productId, index) => ({ productId, weightGrams: 500 + index * 100, lengthMm: 200, widthMm: 150, heightMm: 100 })) });

    await graphql(PRODUCTS, { representations: asProducts(ids), country: 'FR' });
    server.sqlQueries.reset();
    const result = await graphql(PRODUCTS, { representations: asProducts(ids), country: 'FR' });

    expect(result.errors).toBeUndefined();
    expect(server.sqlQueries.count).toBe(1);
    const entities = result.data!._entities as { id: string; shippingProfile: unknown; shippingEstimate: unknown }[];
    expect(entities.map((entity) => entity.id)).toEqual(ids);
    expect(entities.filter((entity) => entity.shippingProfile !== null).map((entity) => entity.id)).toEqual(known);
    expect(entities.every((entity) => (entity.shippingProfile === null) === (entity.shippingEstimate === null))).toBe(true);
  });
});
