// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { connectNotificationsDb } from './infrastructure/notifications-database';
import { NotificationQueries } from './infrastructure/notification.queries';
import { orderingEventHandlers } from './infrastructure/events/ordering-event-handlers';
import { subscriptions } from './infrastructure/events/notifications-subscriptions';
import { notificationsContext } from './graphql/notifications-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type NotificationsConfig } from './config';

export { typeDefs };

/**
 * The composition root: wires notifications' database, read queries, schema and the consumer of
 * ordering's events into a running subgraph. It publishes nothing, so it has no outbox relay.
 */
export async function start(
  overrides: Partial<NotificationsConfig> = {},
): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectNotificationsDb(config.databaseUrl);
  const queries = new NotificationQueries(db);
  const server = await startSubgraphServer({
    name: 'notifications',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => notificationsContext(identity, queries),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'notifications',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: false,
    consumes: { subscriptions, handlers: orderingEventHandlers(systemEnvironment), transaction: (work) => db.$transaction(work) },
  });
  return { ...withEventDelivery(server, events), sqlQueries };
}

if (require.main === module) runMain('notifications', () => start());
