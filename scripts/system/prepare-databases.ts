import { ensureDatabase, migrateContext } from '@storefront/db-tools';
import { seedDemoData } from '../seed/seed-demo-data';
import type { ContextUrls } from './contexts';

/** Creates each context's database when missing, applies its migrations, and loads the demo data. */
export async function prepareDatabases(urls: ContextUrls, log: (line: string) => void = () => {}): Promise<void> {
  for (const [context, databaseUrl] of Object.entries(urls)) {
    const created = await ensureDatabase(databaseUrl);
    const { applied } = await migrateContext({ context, databaseUrl });
    log(`${context}: ${created ? 'database created, ' : ''}${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`);
  }
  const { products } = await seedDemoData(urls);
  log(`demo data in place (${products} products)`);
}
