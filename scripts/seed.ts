import { contextDatabaseUrls } from './system/contexts';
import { prepareDatabases } from './system/prepare-databases';

/** `pnpm db:seed`: databases created and migrated when needed, then the demo data (idempotent). */
prepareDatabases(contextDatabaseUrls(), (line) => console.log(line)).catch((error: unknown) => {
  console.error('db:seed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
