import { contextPaths } from './contexts';
import { diffMigrationsAgainstSchema } from './drift';
import { writeMigration } from './migrations-folder';

export interface CreateMigrationOptions {
  context: string;
  /** Becomes the folder's suffix, <timestamp>_<name>: lower-case letters, digits and underscores. */
  name: string;
  /** The server to work on (in scratch databases); defaults to the context's database URL. */
  databaseUrl?: string;
  root?: string;
}

/** The folder written, or null when the migrations already produce what schema.prisma describes. */
export interface CreateMigrationResult {
  migrationDir: string | null;
}

const MIGRATION_NAME = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/** Why a migration name is unusable, or null when it is fine. */
export function migrationNameProblem(name: string): string | null {
  if (MIGRATION_NAME.test(name) && name.length <= 200) return null;
  return `"${name}" is not a usable migration name: use lower-case letters, digits and single underscores (e.g. add_parcel_notes)`;
}

/**
 * Writes the next migration of a context in Prisma's layout, with what `prisma migrate dev
 * --create-only` would put in it: the difference between the replayed migrations and schema.prisma.
 * The engine's own createMigration cannot be used: the WebAssembly build does not pass the adapter
 * factory's shadow database to that command (it fails with "PostgreSQL shadow DB must be provided
 * through an external factory"), while its diff, which renders the same script, does.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const problem = migrationNameProblem(options.name);
  if (problem) throw new Error(problem);
  const script = await diffMigrationsAgainstSchema(options);
  if (!script) return { migrationDir: null };
  const { migrationsDir } = contextPaths(options.context, options.root);
  const migrationDir = await writeMigration(migrationsDir, `${migrationTimestamp(new Date())}_${options.name}`, script);
  return { migrationDir };
}

/** Prisma's folder prefix: the UTC time as YYYYMMDDHHMMSS, so folders sort in creation order. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}
