import { runMain, startSubgraphServer, type QueryCounter, type RunningServer } from '@storefront/platform';
import { ReceiveStock } from './application/receive-stock/receive-stock.use-case';
import { AdjustStock } from './application/adjust-stock/adjust-stock.use-case';
import { connectInventoryDb } from './infrastructure/inventory-database';
import { PrismaStockLevelRepository, PrismaWarehouseDirectory } from './infrastructure/prisma-stock-level.repository';
import { StockQueries } from './infrastructure/stock.queries';
import { inventoryContext } from './graphql/inventory-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type InventoryConfig } from './config';

export { typeDefs };

/** The composition root: wires inventory's database, use cases and schema into a running subgraph. */
export async function startInventory(overrides: Partial<InventoryConfig> = {}): Promise<RunningServer & { sqlQueries: QueryCounter }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectInventoryDb(config.databaseUrl);
  const levels = new PrismaStockLevelRepository(db);
  const warehouses = new PrismaWarehouseDirectory(db);
  const env = { now: () => new Date() };
  const useCases = {
    receiveStock: new ReceiveStock(levels, warehouses, env),
    adjustStock: new AdjustStock(levels, warehouses, env),
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
  return { ...server, sqlQueries };
}

if (require.main === module) runMain('inventory', () => startInventory());
