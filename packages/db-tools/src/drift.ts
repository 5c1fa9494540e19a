import { contextDatabaseUrl } from './database-url';
import { contextPaths } from './contexts';
import { POSTGRESQL_LOCKFILE, readMigrationsFolder, readSchemaFiles } from './migrations-folder';
import { noExternalEntities, withSchemaEngine } from './schema-engine/engine-session';
import { withScratchDatabase } from './scratch-database';

export interface DiffMigrationsOptions {
  context: string;
  /** The server to work on (in scratch databases); defaults to the context's database URL. */
  databaseUrl?: string;
  root?: string;
}

/**
 * The SQL that would take a database built by the committed migrations to what schema.prisma
 * describes; empty when they agree. The engine needs a database to connect to and replays the
 * migrations in a shadow database: both are scratch databases, dropped afterwards, so the
 * context's own database is never touched (and need not exist).
 */
export async function diffMigrationsAgainstSchema(options: DiffMigrationsOptions): Promise<string> {
  const { schemaPath, migrationsDir } = contextPaths(options.context, options.root);
  const [schemaFiles, migrationsList] = await Promise.all([
    readSchemaFiles(schemaPath),
    readMigrationsFolder(migrationsDir),
  ]);
  // Before the first migration there is no lock file, and the engine will not guess the connector.
  migrationsList.lockfile.content ??= POSTGRESQL_LOCKFILE;
  const serverUrl = options.databaseUrl ?? contextDatabaseUrl(options.context);
  const result = await withScratchDatabase(serverUrl, 'drift', (scratchUrl) =>
    withSchemaEngine(scratchUrl, schemaFiles, (engine) =>
      engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: schemaFiles },
        script: true,
        // With exitCode set the engine answers 2 when there is a difference, 0 when there is none.
        exitCode: true,
        filters: noExternalEntities,
      }),
    ),
  );
  return result.exitCode === 2 ? (result.stdout ?? '') : '';
}
