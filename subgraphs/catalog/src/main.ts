// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { prismaTransactions, runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { CreateProduct } from './application/create-product/create-product.use-case';
import { UpdateProductDetails } from './application/update-product-details/update-product-details.use-case';
import { ChangeProductPrice } from './application/change-product-price/change-product-price.use-case';
import { DiscontinueProduct } from './application/discontinue-product/discontinue-product.use-case';
import { connectCatalogDb } from './infrastructure/catalog-database';
import { PrismaCategoryDirectory, PrismaProductRepository } from './infrastructure/prisma-product.repository';
import { ProductCatalogQueries } from './infrastructure/product-catalog.queries';
import { catalogContext } from './graphql/catalog-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type CatalogConfig } from './config';

export { typeDefs };

/** The composition root: wires the catalog's database, use cases and schema into a running subgraph. */
export async function start(overrides: Partial<CatalogConfig> = {}): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectCatalogDb(config.databaseUrl);
  const transactions = prismaTransactions(db, (tx) => new PrismaProductRepository(tx));
  const categories = new PrismaCategoryDirectory(db);
  const useCases = {
    createProduct: new CreateProduct(transactions, categories, systemEnvironment),
    updateProductDetails: new UpdateProductDetails(transactions, categories, systemEnvironment),
    changeProductPrice: new ChangeProductPrice(transactions, systemEnvironment),
    discontinueProduct: new DiscontinueProduct(transactions, systemEnvironment),
  };
  const queries = new ProductCatalogQueries(db);
  const server = await startSubgraphServer({
    name: 'catalog',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => catalogContext(identity, queries, useCases),
    database: db,
  });
  const events = await startEventDelivery({ context: 'catalog', databaseUrl: config.databaseUrl, events: config.events, publishes: true });
  return { ...withEventDelivery(server, events), sqlQueries };
}

if (require.main === module) runMain('catalog', () => start());
