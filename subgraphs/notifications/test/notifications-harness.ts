import type { EventConsumer, SqlExecutor } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectNotificationsDb, type NotificationsDb } from '../src/infrastructure/notifications-database';
import { startScratchSubgraph, type SubgraphHarness } from '../../../test/support/subgraph-harness';

const GATEWAY_SECRET = 'notifications-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const asCustomer = (customerId: string): Identity => ({ subject: customerId, roles: ['customer'] });

export type NotificationsServer = Awaited<ReturnType<typeof start>>;

export interface NotificationsHarness extends SubgraphHarness<NotificationsServer> {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: NotificationsDb;
  /** The subgraph's own consumer: `handle` is what its queue's worker calls for each delivery. */
  consumer: EventConsumer<SqlExecutor>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its consumer running. */
export async function startHarness(): Promise<NotificationsHarness> {
  const subgraph = await startScratchSubgraph({
    context: 'notifications',
    gatewaySecret: GATEWAY_SECRET,
    connect: (databaseUrl) => connectNotificationsDb(databaseUrl).db,
    disconnect: (db) => db.$disconnect(),
    serve: (_db, settings) => start(settings),
  });
  return { ...subgraph, db: subgraph.connections, consumer: subgraph.server.events.consumer! };
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
