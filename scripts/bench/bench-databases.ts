import { dropDatabase, ensureDatabase, migrateContext } from '@storefront/db-tools';
import { seedDemoData as seedInventoryDemoData } from '../../subgraphs/inventory/src/infrastructure/demo-data';
import { DEMO_WAREHOUSES } from '../seed/demo-products';

export interface BenchDatabaseUrls {
  catalog: string;
  inventory: string;
  /** The scratch database pgbench initialises and runs on. */
  pgbench: string;
}

/** Names known before anything is created, so that an interrupted run can always drop what it made. */
export function benchDatabaseUrls(server: string, run: string): BenchDatabaseUrls {
  return {
    catalog: `${server}/storefront_bench_${run}_catalog`,
    inventory: `${server}/storefront_bench_${run}_inventory`,
    pgbench: `${server}/storefront_bench_${run}_pgbench`,
  };
}

/**
 * Catalog's and inventory's databases, migrated, with the demo warehouses: inventory opens a stock
 * level per warehouse for each product it learns of, as it does with the demo data.
 */
export async function prepareBenchDatabases(urls: BenchDatabaseUrls): Promise<void> {
  for (const context of ['catalog', 'inventory'] as const) {
    await ensureDatabase(urls[context]);
    await migrateContext({ context, databaseUrl: urls[context] });
  }
  // Inventory's own demo seed, with the warehouses and no products: the bench creates its own.
  await seedInventoryDemoData(urls.inventory, { warehouses: DEMO_WAREHOUSES, products: [] });
}

export async function dropBenchDatabases(urls: BenchDatabaseUrls): Promise<void> {
  await Promise.all(Object.values(urls).map((url) => dropDatabase(url)));
}
