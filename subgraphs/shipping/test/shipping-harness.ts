import { randomUUID } from 'node:crypto';
import type { EventConsumer, SqlExecutor } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectShippingDb, type ShippingDb } from '../src/infrastructure/shipping-database';
import { seedDefaultRates } from '../src/infrastructure/default-rate-table';
import { startScratchSubgraph, type SubgraphHarness } from '../../../test/support/subgraph-harness';

const GATEWAY_SECRET = 'shipping-test-gateway-secret';
/** What this run's shipping signs its quotes with, as ordering would verify them. */
export const QUOTE_SECRET = 'shipping-test-quote-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

/** A product id shipping has never heard of: catalog ids are UUIDs. */
export const aProductId = (): string => randomUUID();

export type ShippingServer = Awaited<ReturnType<typeof start>>;

export interface ShippingHarness extends SubgraphHarness<ShippingServer> {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: ShippingDb;
  /** The subgraph's own consumer: a test hands it events as its queue would. */
  consumer: EventConsumer<SqlExecutor>;
}

/** A database of its own, migrated and holding the default rates, and the subgraph serving it on a free port. */
export async function startHarness(): Promise<ShippingHarness> {
  const subgraph = await startScratchSubgraph({
    context: 'shipping',
    gatewaySecret: GATEWAY_SECRET,
    connect: (databaseUrl) => connectShippingDb(databaseUrl).db,
    disconnect: (db) => db.$disconnect(),
    async serve(db, settings) {
      await seedDefaultRates(db);
      return start({ ...settings, rateTableTtlMs: 60_000, quoteSecret: QUOTE_SECRET });
    },
  });
  return { ...subgraph, db: subgraph.connections, consumer: subgraph.server.events.consumer! };
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
