import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase, ensureDatabase, listContexts, migrateContext } from '../src';
import { contextPaths } from '../src/contexts';
import { uniqueDatabaseUrl, withClient } from './support/test-database';

describe.each(listContexts())('migrating the %s context', (context) => {
  const databaseUrl = uniqueDatabaseUrl(context);
  const { migrationsDir } = contextPaths(context);
  const committed = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
  });

  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  it('applies every committed migration to a fresh database, recorded as prisma migrate deploy records it', async () => {
    const { applied } = await migrateContext({ context, databaseUrl });

    expect(applied).toEqual(committed);
    const rows = await withClient(databaseUrl, (client) =>
      client.query('SELECT * FROM _prisma_migrations ORDER BY migration_name'),
    );
    expect(rows.rows).toEqual(
      committed.map((name) =>
        expect.objectContaining({
          migration_name: name,
          checksum: sha256(path.join(migrationsDir, name, 'migration.sql')),
          finished_at: expect.any(Date),
          rolled_back_at: null,
          logs: null,
          applied_steps_count: 1,
        }),
      ),
    );
  });

  it('applies nothing the second time', async () => {
    await expect(migrateContext({ context, databaseUrl })).resolves.toEqual({ applied: [] });
  });
});

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
