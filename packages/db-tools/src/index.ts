export { contextDatabaseUrl } from './database-url';
export { dropDatabase, ensureDatabase } from './ensure-database';
export { listContexts } from './contexts';
export { migrateContext, type MigrateContextOptions } from './migrate';
export { diffMigrationsAgainstSchema, type DiffMigrationsOptions } from './drift';
export {
  createMigration,
  migrationNameProblem,
  type CreateMigrationOptions,
  type CreateMigrationResult,
} from './create-migration';
