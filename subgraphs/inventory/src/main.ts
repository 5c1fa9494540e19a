// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { prismaTransactions, runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { ReceiveStock } from './application/receive-stock/receive-stock.use-case';
import { AdjustStock } from './application/adjust-stock/adjust-stock.use-case';
import { connectInventoryDb } from './infrastructure/inventory-database';
import { PrismaStockLevelRepository, PrismaWarehouseDirectory } from './infrastructure/prisma-stock-level.repository';
import { PrismaProductRegister } from './infrastructure/prisma-stock-keeping-units';
import { catalogEventHandlers } from './infrastructure/events/catalog-event-handlers';
import { orderingEventHandlers } from './infrastructure/events/ordering-event-handlers';
import { shippingEventHandlers } from './infrastructure/events/shipping-event-handlers';
import { subscriptions } from './infrastructure/events/inventory-subscriptions';
import { StockQueries } from './infrastructure/stock.queries';
import { inventoryContext } from './graphql/inventory-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type InventoryConfig } from './config';

export { typeDefs };

/** The composition root: wires inventory's database, use cases and schema into a running subgraph. */
export async function start(overrides: Partial<InventoryConfig> = {}): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectInventoryDb(config.databaseUrl);
  const levels = prismaTransactions(db, (tx) => new PrismaStockLevelRepository(tx, systemEnvironment));
  const warehouses = new PrismaWarehouseDirectory(db);
  const useCases = {
    receiveStock: new ReceiveStock(levels, warehouses, new PrismaProductRegister(db), systemEnvironment),
    adjustStock: new AdjustStock(levels, warehouses, systemEnvironment),
  };
  const queries = new StockQueries(db);
  const server = await startSubgraphServer({
    name: 'inventory',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => inventoryContext(identity, queries, useCases),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'inventory',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: true,
    consumes: {
      subscriptions,
      handlers: [...catalogEventHandlers, ...orderingEventHandlers(systemEnvironment), ...shippingEventHandlers(systemEnvironment)],
      transaction: (work) => db.$transaction(work),
    },
  });
  return { ...withEventDelivery(server, events), sqlQueries };
}

if (require.main === module) runMain('inventory', () => start());
