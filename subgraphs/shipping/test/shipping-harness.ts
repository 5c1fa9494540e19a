import { randomUUID } from 'node:crypto';
import type { EventsConfig } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectShippingDb, type ShippingDb } from '../src/infrastructure/shipping-database';
import { seedDefaultRates } from '../src/infrastructure/default-rate-table';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { postToSubgraph, scratchDatabase } from '../../../test/support/scratch-subgraph';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const GATEWAY_SECRET = 'shipping-test-gateway-secret';
/** What this run's shipping signs its quotes with, as ordering would verify them. */
export const QUOTE_SECRET = 'shipping-test-quote-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

/** A product id shipping has never heard of: catalog ids are UUIDs. */
export const aProductId = (): string => randomUUID();

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type ShippingServer = Awaited<ReturnType<typeof start>>;

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

/** A database of its own, migrated and holding the default rates, and the subgraph serving it on a free port. */
export async function startHarness(): Promise<ShippingHarness> {
  const database = await scratchDatabase('shipping');
  const databaseUrl = database.url;
  const events = testEventsConfig();
  const { db } = connectShippingDb(databaseUrl);
  try {
    await seedDefaultRates(db);
    const server = await start({ port: 0, databaseUrl, gatewaySecret: GATEWAY_SECRET, rateTableTtlMs: 60_000, quoteSecret: QUOTE_SECRET, events });
    return {
      db,
      server,
      events,
      async graphql(query, variables = {}, identity = null, headers = signIdentityHeaders(identity, GATEWAY_SECRET)) {
        const { status, body } = await postToSubgraph(server.url, query, variables, headers);
        return { status, ...body };
      },
      async stop() {
        await server.stop();
        await db.$disconnect();
        await database.drop();
        await removeEventKeys(events);
      },
    };
  } catch (error) {
    await db.$disconnect();
    await database.drop();
    throw error;
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
