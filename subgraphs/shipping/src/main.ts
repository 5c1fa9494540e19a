import { startEventDelivery, type EventDelivery } from '@storefront/messaging';
import { runMain, startSubgraphServer, type QueryCounter, type RunningServer } from '@storefront/platform';
import { SetParcelProfile } from './application/set-parcel-profile/set-parcel-profile.use-case';
import { EstimateDelivery } from './application/estimate-delivery/estimate-delivery.use-case';
import { ListShippingRates } from './application/list-shipping-rates/list-shipping-rates.use-case';
import { connectShippingDb } from './infrastructure/shipping-database';
import { PrismaParcelProfileRepository } from './infrastructure/prisma-parcel-profile.repository';
import { PrismaProductRegister } from './infrastructure/prisma-shippable-products';
import { ParcelQueries } from './infrastructure/parcel.queries';
import { CachedRateTable } from './infrastructure/cached-rate-table';
import { readShippingRates } from './infrastructure/shipping-rate.queries';
import { catalogEventHandlers } from './infrastructure/events/catalog-event-handlers';
import { shippingSubscriptions } from './infrastructure/events/shipping-subscriptions';
import { shippingContext } from './graphql/shipping-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type ShippingConfig } from './config';

export { typeDefs };

/** The composition root: wires shipping's database, rate table, use cases, schema and event consumer into a running subgraph. */
export async function startShipping(overrides: Partial<ShippingConfig> = {}): Promise<RunningServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectShippingDb(config.databaseUrl);
  const rateTable = new CachedRateTable(() => readShippingRates(db), config.rateTableTtlMs);
  const useCases = {
    setParcelProfile: new SetParcelProfile(new PrismaParcelProfileRepository(db), new PrismaProductRegister(db)),
    estimateDelivery: new EstimateDelivery(rateTable),
    listShippingRates: new ListShippingRates(rateTable),
  };
  const queries = new ParcelQueries(db);
  const server = await startSubgraphServer({
    name: 'shipping',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => shippingContext(identity, queries, useCases),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'shipping',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: false,
    consumes: { subscriptions: shippingSubscriptions, handlers: catalogEventHandlers, transaction: (work) => db.$transaction(work) },
  });
  return {
    ...server,
    sqlQueries,
    events,
    async stop() {
      await events.stop();
      await server.stop();
    },
  };
}

if (require.main === module) runMain('shipping', () => startShipping());
