import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import { dropDatabase, ensureDatabase } from '../ensure-database';
import { scratchDatabaseUrl } from '../scratch-database';
import { tagCharColumnsAsText } from './char-columns';
import { migrationAdapter } from './migration-adapter';

/**
 * The connections the schema engine asks for: the target database, and throwaway shadow
 * databases on the same server (diffs from a migrations folder replay the migrations there).
 * Whatever the engine leaves open is closed, and every shadow dropped, by close().
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.connectTo(this.databaseUrl, async () => undefined);
  }

  /**
   * adapter-pg's own shadow database is unusable with a connection string: pg lets the string's
   * database win over the `database` option, so the "shadow" connection lands on the main database.
   */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowUrl = scratchDatabaseUrl(this.databaseUrl, 'shadow');
    await ensureDatabase(shadowUrl);
    return this.connectTo(shadowUrl, () => dropDatabase(shadowUrl));
  }

  async close(): Promise<void> {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
  }

  private async connectTo(url: string, afterDispose: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = tagCharColumnsAsText(new Pool({ connectionString: url }));
    const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    const adapter = migrationAdapter(inner, async () => {
      this.open.delete(adapter);
      await afterDispose();
    });
    this.open.add(adapter);
    return adapter;
  }
}
