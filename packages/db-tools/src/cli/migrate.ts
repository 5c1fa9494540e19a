import { contextDatabaseUrl, ensureDatabase, listContexts, migrateContext } from '../index';
import { databaseName, redactUrl } from '../database-url';
import { runCli } from './run-cli';

/**
 * `pnpm db:migrate`: creates each context's database when missing, then applies its pending
 * migrations, one context after the other. Stops at the first failure, naming the context.
 */
runCli(async () => {
  const contexts = listContexts();
  if (!contexts.length) {
    process.stderr.write('db:migrate: no prisma/<context>/schema.prisma found: nothing to migrate\n');
    return 1;
  }
  const started = Date.now();
  for (const context of contexts) {
    const databaseUrl = contextDatabaseUrl(context);
    const database = databaseName(databaseUrl);
    try {
      const created = await ensureDatabase(databaseUrl);
      const { applied } = await migrateContext({ context, databaseUrl });
      const outcome = applied.length ? `applied ${applied.join(', ')}` : 'up to date';
      process.stdout.write(`${context} (${database}${created ? ', created' : ''}): ${outcome}\n`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`db:migrate: migrating ${context} (${redactUrl(databaseUrl)}) failed:\n${reason}\n`);
      return 1;
    }
  }
  process.stdout.write(`${contexts.length} contexts migrated in ${Date.now() - started} ms\n`);
  return 0;
});
