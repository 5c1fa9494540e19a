import { runMain, startSubgraphServer, type QueryCounter, type RunningServer } from '@storefront/platform';
import { SetParcelProfile } from './application/set-parcel-profile/set-parcel-profile.use-case';
import { EstimateDelivery } from './application/estimate-delivery/estimate-delivery.use-case';
import { ListShippingRates } from './application/list-shipping-rates/list-shipping-rates.use-case';
import { connectShippingDb } from './infrastructure/shipping-database';
import { PrismaParcelProfileRepository } from './infrastructure/prisma-parcel-profile.repository';
import { ParcelProfileQueries } from './infrastructure/parcel-profile.queries';
import { CachedRateTable } from './infrastructure/cached-rate-table';
import { readShippingRates } from './infrastructure/shipping-rate.queries';
import { shippingContext } from './graphql/shipping-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type ShippingConfig } from './config';

export { typeDefs };

/** The composition root: wires shipping's database, rate table, use cases and schema into a running subgraph. */
export async function startShipping(overrides: Partial<ShippingConfig> = {}): Promise<RunningServer & { sqlQueries: QueryCounter }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectShippingDb(config.databaseUrl);
  const rateTable = new CachedRateTable(() => readShippingRates(db), config.rateTableTtlMs);
  const useCases = {
    setParcelProfile: new SetParcelProfile(new PrismaParcelProfileRepository(db)),
    estimateDelivery: new EstimateDelivery(rateTable),
    listShippingRates: new ListShippingRates(rateTable),
  };
  const queries = new ParcelProfileQueries(db);
  const server = await startSubgraphServer({
    name: 'shipping',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => shippingContext(identity, queries, useCases),
    database: db,
  });
  return { ...server, sqlQueries };
}

if (require.main === module) runMain('shipping', () => startShipping());
