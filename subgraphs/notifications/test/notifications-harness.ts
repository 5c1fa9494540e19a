import type { EventConsumer, EventsConfig, SqlExecutor } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectNotificationsDb, type NotificationsDb } from '../src/infrastructure/notifications-database';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { postToSubgraph, scratchDatabase } from '../../../test/support/scratch-subgraph';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const GATEWAY_SECRET = 'notifications-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const asCustomer = (customerId: string): Identity => ({ subject: customerId, roles: ['customer'] });

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type NotificationsServer = Awaited<ReturnType<typeof start>>;

export interface NotificationsHarness {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: NotificationsDb;
  server: NotificationsServer;
  /** The subgraph's own consumer: `handle` is what its queue's worker calls for each delivery. */
  consumer: EventConsumer<SqlExecutor>;
  /** This run's event bus settings: a key prefix of its own, so it never takes a running system's jobs. */
  events: EventsConfig;
  /** Signed by the gateway as `identity` (anonymous when null). */
  graphql(query: string, variables?: Record<string, unknown>, identity?: Identity | null): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its consumer running. */
export async function startHarness(): Promise<NotificationsHarness> {
  const database = await scratchDatabase('notifications');
  const databaseUrl = database.url;
  const events = testEventsConfig();
  const { db } = connectNotificationsDb(databaseUrl);
  try {
    const server = await start({ port: 0, databaseUrl, gatewaySecret: GATEWAY_SECRET, events });
    return {
      db,
      server,
      consumer: server.events.consumer!,
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

export const NOTIFICATION_FIELDS = 'id kind message orderId channel sentTo sentAt occurredAt';

export const CUSTOMER_NOTIFICATIONS = /* GraphQL */ `
  query ($representations: [_Any!]!, $first: Int, $after: String) {
    _entities(representations: $representations) {
      ... on Customer {
        id
        notifications(first: $first, after: $after) {
          edges { cursor node { ${NOTIFICATION_FIELDS} } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`;

export const ORDER_NOTIFICATIONS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Order { id notifications { ${NOTIFICATION_FIELDS} } } }
  }
`;

export const customers = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Customer', id }));
export const orders = (ids: readonly string[]) => ids.map((id) => ({ __typename: 'Order', id }));
