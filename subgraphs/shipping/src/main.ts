// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { prismaTransactions, runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { SetParcelProfile } from './application/set-parcel-profile/set-parcel-profile.use-case';
import { EstimateDelivery } from './application/estimate-delivery/estimate-delivery.use-case';
import { ListShippingRates } from './application/list-shipping-rates/list-shipping-rates.use-case';
import { DispatchShipment } from './application/dispatch-shipment/dispatch-shipment.use-case';
import { ConfirmDelivery } from './application/confirm-delivery/confirm-delivery.use-case';
import { QuoteShippingOptions } from './application/quote-shipping-options/quote-shipping-options.use-case';
import { connectShippingDb } from './infrastructure/shipping-database';
import { PrismaParcelProfileRepository } from './infrastructure/prisma-parcel-profile.repository';
import { PrismaProductRegister } from './infrastructure/prisma-shippable-products';
import { ParcelQueries } from './infrastructure/parcel.queries';
import { CachedRateTable } from './infrastructure/cached-rate-table';
import { readShippingRates } from './infrastructure/shipping-rate.queries';
import { PrismaShipmentRepository } from './infrastructure/prisma-shipment.repository';
import { RandomTrackingNumbers } from './infrastructure/random-tracking-numbers';
import { HmacShippingQuoteSigner } from './infrastructure/hmac-shipping-quote-signer';
import { ShipmentQueries } from './infrastructure/shipment.queries';
import { catalogEventHandlers } from './infrastructure/events/catalog-event-handlers';
import { orderingEventHandlers } from './infrastructure/events/ordering-event-handlers';
import { subscriptions } from './infrastructure/events/shipping-subscriptions';
import { shippingContext } from './graphql/shipping-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type ShippingConfig } from './config';

export { typeDefs };

/** The composition root: wires shipping's database, rate table, use cases, schema and event consumer into a running subgraph. */
export async function start(overrides: Partial<ShippingConfig> = {}): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectShippingDb(config.databaseUrl);
  const rateTable = new CachedRateTable(() => readShippingRates(db), config.rateTableTtlMs);
  const profiles = new PrismaParcelProfileRepository(db);
  const transactions = prismaTransactions(db, (tx) => new PrismaShipmentRepository(tx));
  const useCases = {
    setParcelProfile: new SetParcelProfile(profiles, new PrismaProductRegister(db)),
    estimateDelivery: new EstimateDelivery(rateTable),
    listShippingRates: new ListShippingRates(rateTable),
    dispatchShipment: new DispatchShipment(
      prismaTransactions(db, (tx) => ({ shipments: new PrismaShipmentRepository(tx), profiles: new PrismaParcelProfileRepository(tx) })),
      rateTable,
      new RandomTrackingNumbers(),
      systemEnvironment,
    ),
    confirmDelivery: new ConfirmDelivery(transactions, systemEnvironment),
    quoteShippingOptions: new QuoteShippingOptions(profiles, rateTable, new HmacShippingQuoteSigner(config.quoteSecret), systemEnvironment),
  };
  const queries = { parcels: new ParcelQueries(db), shipments: new ShipmentQueries(db) };
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
    publishes: true,
    consumes: {
      subscriptions,
      handlers: [...catalogEventHandlers, ...orderingEventHandlers(systemEnvironment)],
      transaction: (work) => db.$transaction(work),
    },
  });
  return { ...withEventDelivery(server, events), sqlQueries };
}

if (require.main === module) runMain('shipping', () => start());
