import { contextDatabaseUrl } from './database-url';
import { contextPaths } from './contexts';
import { readMigrationsFolder, readSchemaFiles } from './migrations-folder';
import { noExternalEntities, withSchemaEngine } from './schema-engine/engine-session';

export interface MigrateContextOptions {
  context: string;
  /** Defaults to the context's own database URL. */
  databaseUrl?: string;
  root?: string;
}

/**
 * Applies the context's pending migrations, as `prisma migrate deploy` does: same engine command,
 * same `_prisma_migrations` bookkeeping and checksums. Applying twice applies nothing the second time.
 */
export async function migrateContext(options: MigrateContextOptions): Promise<{ applied: string[] }> {
  const { schemaPath, migrationsDir } = contextPaths(options.context, options.root);
  const [schemaFiles, migrationsList] = await Promise.all([
    readSchemaFiles(schemaPath),
    readMigrationsFolder(migrationsDir),
  ]);
  const databaseUrl = options.databaseUrl ?? contextDatabaseUrl(options.context);
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, schemaFiles, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noExternalEntities }),
  );
  return { applied: appliedMigrationNames };
}
