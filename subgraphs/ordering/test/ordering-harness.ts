import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EventConsumer, EventsConfig, SqlExecutor } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectOrderingDb, type OrderingDb } from '../src/infrastructure/ordering-database';
import { seedPriceList, type CatalogProduct } from '../src/infrastructure/seed-price-list';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { postToSubgraph, scratchDatabase, type SubgraphReply } from '../../../test/support/scratch-subgraph';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const SECRET = 'ordering-integration-test-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['customer', 'admin'] };

/** A customer of their own, so that tests sharing a database never see each other's orders. */
export const aCustomer = (): Identity => ({ subject: `customer-${randomUUID().slice(0, 8)}`, roles: ['customer'] });

export type GraphQLResponse = SubgraphReply;

/** Who signs the request: an identity, `null` for an anonymous caller, or 'unsigned' (not through the gateway). */
export type Caller = Identity | null | 'unsigned';

export interface OutboxRow {
  type: string;
  aggregate_id: string;
  correlation_id: string;
  causation_id: string | null;
  payload: any;
}

export interface OrderingHarness {
  /** Direct SQL on the subgraph's database, as an operator (or a bug) could send it. */
  sql: Client;
  db: OrderingDb;
  server: Awaited<ReturnType<typeof start>>;
  consumer: EventConsumer<SqlExecutor>;
  events: EventsConfig;
  sqlQueries: { readonly count: number; reset(): void };
  request(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse>;
  /** Products in the price list as if catalog had announced them (catalog version 0); returns their ids. */
  priceProducts(...products: Partial<CatalogProduct>[]): Promise<string[]>;
  /** The events the order's changes wrote to the outbox, oldest first. */
  outboxOf(orderId: string): Promise<OutboxRow[]>;
  statusOf(orderId: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its own event bus prefix. */
export async function startHarness(): Promise<OrderingHarness> {
  const database = await scratchDatabase('ordering');
  const databaseUrl = database.url;
  const sql = new Client({ connectionString: databaseUrl });
  const { db } = connectOrderingDb(databaseUrl);
  try {
    await sql.connect();
    const events = testEventsConfig();
    const server = await start({ port: 0, databaseUrl, gatewaySecret: SECRET, events });
    return {
      sql,
      db,
      server,
      consumer: server.events.consumer!,
      events,
      sqlQueries: server.sqlQueries,
      async request(query, variables = {}, caller = admin) {
        return postToSubgraph(server.url, query, variables, caller === 'unsigned' ? {} : signIdentityHeaders(caller, SECRET));
      },
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
          'SELECT type, aggregate_id, correlation_id, causation_id, payload FROM outbox WHERE aggregate_id = $1 ORDER BY position',
          [orderId],
        );
        return rows;
      },
      async statusOf(orderId) {
        const { rows } = await sql.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [orderId]);
        return rows[0]?.status;
      },
      async stop() {
        await server.stop();
        await db.$disconnect();
        await sql.end();
        await database.drop();
        await removeEventKeys(events);
      },
    };
  } catch (error) {
    await sql.end().catch(() => undefined);
    await db.$disconnect();
    await database.drop();
    throw error;
  }
}
