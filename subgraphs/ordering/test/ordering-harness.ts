import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OrderChangedV1 } from '@storefront/events';
import type { EventConsumer, SqlExecutor } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import { start } from '../src/main';
import type { OrderingConfig } from '../src/config';
import { connectOrderingDb, type OrderingDb } from '../src/infrastructure/ordering-database';
import { seedPriceList, type CatalogProduct } from '../src/infrastructure/seed-price-list';
import { startScratchSubgraph, type Caller, type SubgraphHarness } from '../../../test/support/subgraph-harness';
import type { SubgraphReply } from '../../../test/support/scratch-subgraph';

const SECRET = 'ordering-integration-test-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['customer', 'admin'] };

/** A customer of their own, so that tests sharing a database never see each other's orders. */
export const aCustomer = (): Identity => ({ subject: `customer-${randomUUID().slice(0, 8)}`, roles: ['customer'] });

export type GraphQLResponse = SubgraphReply;

export interface OutboxRow {
  type: string;
  aggregate_id: string;
  correlation_id: string;
  causation_id: string | null;
  payload: any;
}

export interface OrderingHarness extends SubgraphHarness<Awaited<ReturnType<typeof start>>> {
  /** Direct SQL on the subgraph's database, as an operator (or a bug) could send it. */
  sql: Client;
  db: OrderingDb;
  consumer: EventConsumer<SqlExecutor>;
  sqlQueries: { readonly count: number; reset(): void };
  /** As `caller`, an admin unless told otherwise. */
  request(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse>;
  /** Products in the price list as if catalog had announced them (catalog version 0); returns their ids. */
  priceProducts(...products: Partial<CatalogProduct>[]): Promise<string[]>;
  /** The integration events the order's changes wrote to the outbox, oldest first (not the live announcements). */
  outboxOf(orderId: string): Promise<OutboxRow[]>;
  /** The live announcements of the order's committed changes (order-changed), oldest first. */
  announcementsOf(orderId: string): Promise<{ status: string; version: number }[]>;
  statusOf(orderId: string): Promise<string | undefined>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its own event bus prefix. */
export async function startHarness(overrides: Partial<OrderingConfig> = {}): Promise<OrderingHarness> {
  const subgraph = await startScratchSubgraph({
    context: 'ordering',
    gatewaySecret: SECRET,
    connect: (databaseUrl) => ({ sql: new Client({ connectionString: databaseUrl }), db: connectOrderingDb(databaseUrl).db }),
    async disconnect({ sql, db }) {
      await db.$disconnect();
      await sql.end();
    },
    async serve({ sql }, settings) {
      await sql.connect();
      return start({ ...settings, ...overrides });
    },
  });
  const { sql, db } = subgraph.connections;
  return {
    ...subgraph,
    sql,
    db,
    consumer: subgraph.server.events.consumer!,
    sqlQueries: subgraph.server.sqlQueries,
    request: (query, variables = {}, caller = admin) => subgraph.request(query, variables, caller),
    async priceProducts(...products) {
      const full = products.map((product) => {
        const id = product.id ?? randomUUID();
        return { id, sku: `SKU-${id.slice(0, 8)}`, name: 'Enamel mug', price: { amount: 1299, currency: 'EUR' }, ...product };
      });
      await seedPriceList(db, full);
      return full.map((product) => product.id);
    },
    async outboxOf(orderId) {
      const { rows } = await sql.query<OutboxRow>(
        'SELECT type, aggregate_id, correlation_id, causation_id, payload FROM outbox WHERE aggregate_id = $1 AND type <> $2 ORDER BY position',
        [orderId, OrderChangedV1.name],
      );
      return rows;
    },
    async announcementsOf(orderId) {
      const { rows } = await sql.query<{ payload: { status: string; version: number } }>(
        'SELECT payload FROM outbox WHERE aggregate_id = $1 AND type = $2 ORDER BY position',
        [orderId, OrderChangedV1.name],
      );
      return rows.map(({ payload }) => ({ status: payload.status, version: payload.version }));
    },
    async statusOf(orderId) {
      const { rows } = await sql.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [orderId]);
      return rows[0]?.status;
    },
  };
}
