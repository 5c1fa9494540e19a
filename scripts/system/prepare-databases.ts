import { ensureDatabase, migrateContext } from '@storefront/db-tools';
import { DEMO_CATALOG, type DemoCatalog } from '../seed/demo-products';
import { CONTEXTS, contextModule, ofContext, type ContextUrls } from './contexts';

/** What a context with `demoData` exports from `src/infrastructure/demo-data.ts`. */
interface ContextDemoData {
  seedDemoData(databaseUrl: string, demo: DemoCatalog): Promise<void>;
}

/**
 * Creates each context's database when missing and applies its migrations; then each context that
 * declares `demoData` writes its own part of the shared demo list into its own database (idempotent).
 */
export async function prepareDatabases(urls: ContextUrls, log: (line: string) => void = () => {}): Promise<void> {
  for (const [context, databaseUrl] of Object.entries(urls)) {
    const created = await ensureDatabase(databaseUrl);
    const { applied } = await migrateContext({ context, databaseUrl });
    log(`${context}: ${created ? 'database created, ' : ''}${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`);
  }
  for (const { name } of CONTEXTS.filter((context) => context.demoData)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedDemoData } = require(contextModule(name, 'infrastructure/demo-data')) as ContextDemoData;
    await seedDemoData(ofContext(urls, name), DEMO_CATALOG);
  }
  log(`demo data in place (${DEMO_CATALOG.products.length} products)`);
}
