import type { EventsConfig } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectPromotionsDb, type PromotionsDb } from '../src/infrastructure/promotions-database';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { postToSubgraph, scratchDatabase } from '../../../test/support/scratch-subgraph';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const GATEWAY_SECRET = 'promotions-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface PromotionsHarness {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: PromotionsDb;
  /** This run's event bus settings: a key prefix of its own, so it never takes a running system's jobs. */
  events: EventsConfig;
  /** Signed by the gateway as `identity` (anonymous when null). */
  graphql(query: string, variables?: Record<string, unknown>, identity?: Identity | null): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its events running. */
export async function startHarness(): Promise<PromotionsHarness> {
  const database = await scratchDatabase('promotions');
  const events = testEventsConfig();
  const { db } = connectPromotionsDb(database.url);
  try {
    const server = await start({ port: 0, databaseUrl: database.url, gatewaySecret: GATEWAY_SECRET, events });
    return {
      db,
      events,
      async graphql(query, variables = {}, identity = null) {
        const { status, body } = await postToSubgraph(server.url, query, variables, signIdentityHeaders(identity, GATEWAY_SECRET));
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
