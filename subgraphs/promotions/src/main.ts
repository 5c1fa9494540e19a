// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { prismaTransactions, runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { CreatePromotion } from './application/create-promotion/create-promotion.use-case';
import { EndPromotion } from './application/end-promotion/end-promotion.use-case';
import { connectPromotionsDb } from './infrastructure/promotions-database';
import { promotionStore } from './infrastructure/prisma-promotion-store';
import { PromotionQueries } from './infrastructure/promotion.queries';
import { orderingEventHandlers } from './infrastructure/events/ordering-event-handlers';
import { subscriptions } from './infrastructure/events/promotions-subscriptions';
import { promotionsContext } from './graphql/promotions-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type PromotionsConfig } from './config';

/** The composition root: wires promotions' database, use cases, schema and events into a running subgraph. */
export async function start(overrides: Partial<PromotionsConfig> = {}): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectPromotionsDb(config.databaseUrl);
  const transactions = prismaTransactions(db, (tx) => promotionStore(tx));
  const useCases = { createPromotion: new CreatePromotion(transactions, systemEnvironment), endPromotion: new EndPromotion(transactions, systemEnvironment) };
  const queries = new PromotionQueries(db);
  const server = await startSubgraphServer({
    name: 'promotions',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => promotionsContext(identity, queries, useCases, systemEnvironment.now),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'promotions',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: true,
    consumes: { subscriptions, handlers: orderingEventHandlers(systemEnvironment), transaction: (work) => db.$transaction(work) },
  });
  return { ...withEventDelivery(server, events), sqlQueries };
}

if (require.main === module) runMain('promotions', () => start());
