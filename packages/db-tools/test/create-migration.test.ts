import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createMigration } from '../src';
import { databaseName } from '../src/database-url';
import { copyPrismaContext, type PrismaFolderCopy } from './support/prisma-folder';
import { databasesNamedLike, uniqueDatabaseUrl } from './support/test-database';

describe('creating a shipping migration', () => {
  const databaseUrl = uniqueDatabaseUrl('shipping');
  let copy: PrismaFolderCopy;
  const migrationsDir = () => path.join(copy.contextDir, 'migrations');
  const migrationFolders = () => readdirSync(migrationsDir()).filter((name) => name !== 'migration_lock.toml');

  beforeEach(() => {
    copy = copyPrismaContext('shipping');
  });

  afterEach(async () => {
    copy.remove();
    await expect(databasesNamedLike(databaseUrl, databaseName(databaseUrl))).resolves.toEqual([]);
  });

  it('writes the SQL of a schema change in a new <timestamp>_<name> folder', async () => {
    const schemaPath = path.join(copy.contextDir, 'schema.prisma');
    const schema = readFileSync(schemaPath, 'utf8');
    writeFileSync(schemaPath, schema.replace('  fragile     Boolean', '  notes       String?\n  fragile     Boolean'));
    const before = migrationFolders();

    const { migrationDir } = await createMigration({ context: 'shipping', name: 'add_parcel_notes', databaseUrl, root: copy.root });

    expect(migrationDir).not.toBeNull();
    expect(path.dirname(migrationDir!)).toBe(migrationsDir());
    expect(path.basename(migrationDir!)).toMatch(/^\d{14}_add_parcel_notes$/);
    expect(migrationFolders()).toEqual([...before, path.basename(migrationDir!)]);
    expect(readFileSync(path.join(migrationDir!, 'migration.sql'), 'utf8')).toBe(
      '-- AlterTable\nALTER TABLE "parcel_profiles" ADD COLUMN     "notes" TEXT;\n',
    );
    expect(readFileSync(path.join(migrationsDir(), 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });

  it('writes nothing when the schema has not changed', async () => {
    const before = migrationFolders();

    await expect(createMigration({ context: 'shipping', name: 'nothing', databaseUrl, root: copy.root })).resolves.toEqual({
      migrationDir: null,
    });

    expect(migrationFolders()).toEqual(before);
    expect(existsSync(path.join(migrationsDir(), 'nothing'))).toBe(false);
  });
});
