import { randomUUID } from 'node:crypto';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { runMain, startSubgraphServer, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { CreatePromotion } from './application/create-promotion/create-promotion.use-case';
import { connectPromotionsDb } from './infrastructure/promotions-database';
import { PrismaPromotionRepository } from './infrastructure/prisma-promotion.repository';
import { subscriptions } from './infrastructure/events/promotions-subscriptions';
import { promotionsContext } from './graphql/promotions-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type PromotionsConfig } from './config';

/** The composition root: wires promotions's database, use cases, schema and events into a running subgraph. */
export async function start(overrides: Partial<PromotionsConfig> = {}): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectPromotionsDb(config.databaseUrl);
  const repository = new PrismaPromotionRepository(db);
  const env = { newId: randomUUID, now: () => new Date() };
  const useCases = { createPromotion: new CreatePromotion(repository, env) };
  const server = await startSubgraphServer({
    name: 'promotions',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => promotionsContext(identity, repository, useCases),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'promotions',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: true,
    consumes: { subscriptions, handlers: [], transaction: (work) => db.$transaction(work) },
  });
  return { ...withEventDelivery(server, events), sqlQueries };
}

if (require.main === module) runMain('promotions', () => start());
