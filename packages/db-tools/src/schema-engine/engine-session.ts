import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaContainer, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { MigrationAdapterFactory } from './migration-adapter-factory';
import { loadSchemaEngine } from './load-wasm';

/** No table or enum is managed outside Prisma in this project. */
export const noExternalEntities: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Runs one engine command against a database, then frees the engine and closes every connection
 * and shadow database it opened (the engine does not, and open pools would keep Node alive).
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaContainer[],
  command: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadSchemaEngine();
  const factory = new MigrationAdapterFactory(databaseUrl);
  try {
    const engine = await SchemaEngineClass.new(
      { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
      reportEngineLog,
      // The engine calls the factory's functions unbound and expects Result values: Prisma's
      // own binding adapts a factory to that calling convention.
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await command(engine);
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}

/** The engine logs JSON lines from INFO up; only its warnings and errors are worth showing. */
function reportEngineLog(line: string): void {
  if (/"level":"(WARN|ERROR)"/.test(line)) process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}
