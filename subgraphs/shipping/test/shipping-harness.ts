import { randomBytes, randomUUID } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrateContext } from '@storefront/db-tools';
import { connectRedis, eventsConfig, type EventsConfig } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { startShipping } from '../src/main';
import { connectShippingDb, type ShippingDb } from '../src/infrastructure/shipping-database';
import { seedDefaultRates } from '../src/infrastructure/default-rate-table';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const GATEWAY_SECRET = 'shipping-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

/** A product id shipping has never heard of: catalog ids are UUIDs. */
export const aProductId = (): string => randomUUID();

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type ShippingServer = Awaited<ReturnType<typeof startShipping>>;

export interface ShippingHarness {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: ShippingDb;
  server: ShippingServer;
  /** This run's event bus settings: a key prefix of its own, so it never takes a running system's jobs. */
  events: EventsConfig;
  /** Signed by the gateway as `identity` (anonymous when null), unless other headers are given. */
  graphql(query: string, variables?: Record<string, unknown>, identity?: Identity | null, headers?: Record<string, string>): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** Event settings for one test run: its own key prefix on the machine's Redis, and short retries. */
export function testEventsConfig(): EventsConfig {
  return { ...eventsConfig(), prefix: `{test-${randomBytes(4).toString('hex')}}`, backoffMs: 50 };
}

/** A database of its own, migrated and holding the default rates, and the subgraph serving it on a free port. */
export async function startHarness(): Promise<ShippingHarness> {
  const databaseUrl = `${SERVER}/storefront_shipping_it_${randomBytes(4).toString('hex')}`;
  const events = testEventsConfig();
  await ensureDatabase(databaseUrl);
  const { db } = connectShippingDb(databaseUrl);
  try {
    await migrateContext({ context: 'shipping', databaseUrl });
    await seedDefaultRates(db);
    const server = await startShipping({ port: 0, databaseUrl, gatewaySecret: GATEWAY_SECRET, rateTableTtlMs: 60_000, events });
    return {
      db,
      server,
      events,
      async graphql(query, variables = {}, identity = null, headers = signIdentityHeaders(identity, GATEWAY_SECRET)) {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
      },
      async stop() {
        await server.stop();
        await db.$disconnect();
        await dropDatabase(databaseUrl);
        await removeEventKeys(events);
      },
    };
  } catch (error) {
    await db.$disconnect();
    await dropDatabase(databaseUrl);
    throw error;
  }
}

/** Removes every key the run left under its prefix. */
async function removeEventKeys(config: EventsConfig): Promise<void> {
  const redis = connectRedis(config.redisUrl, 'worker');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface ShippableProductRow {
  productId: string;
  sku: string;
  name: string;
  catalogVersion: number;
  discontinuedAt: Date | null;
  learnedAt: Date;
}

/** A product as shipping would have learned it from catalog.product-created.v1. */
export function aShippableProduct(overrides: Partial<ShippableProductRow> = {}): ShippableProductRow {
  const productId = overrides.productId ?? aProductId();
  return { productId, sku: `SKU-${productId.slice(0, 8).toUpperCase()}`, name: 'Enamel mug', catalogVersion: 0, discontinuedAt: null, learnedAt: new Date(), ...overrides };
}

/** Writes products as if shipping had learned of them from catalog; returns their ids. */
export async function learnProducts(db: ShippingDb, ...products: (string | Partial<ShippableProductRow>)[]): Promise<string[]> {
  const rows = products.map((product) => aShippableProduct(typeof product === 'string' ? { productId: product } : product));
  await db.shippableProduct.createMany({ data: rows });
  return rows.map((row) => row.productId);
}

/** The id of a new product shipping has learned of. */
export async function aLearnedProductId(db: ShippingDb): Promise<string> {
  const [productId] = await learnProducts(db, {});
  return productId!;
}

export const asProducts = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Product', id }));

export const SET_PARCEL_PROFILE = /* GraphQL */ `
  mutation ($input: SetParcelProfileInput!) {
    setParcelProfile(input: $input) {
      shippingProfile { weightGrams lengthMm widthMm heightMm fragile }
      parcelStatus
      errors { code message field }
    }
  }
`;

export const PARCEL_STATUSES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Product { id parcelStatus } }
  }
`;

export const AWAITING_MEASUREMENT = /* GraphQL */ `
  query ($first: Int, $after: String) {
    productsAwaitingMeasurement(first: $first, after: $after) {
      edges { cursor waitingSince node { id parcelStatus } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
