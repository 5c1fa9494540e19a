import { randomBytes } from 'node:crypto';
import { databaseName, withDatabase } from './database-url';
import { dropDatabase, ensureDatabase } from './ensure-database';

const MAX_IDENTIFIER_LENGTH = 63;

/** A fresh database name beside the one `url` points at, e.g. storefront_catalog_shadow_1f2e3d4c. */
export function scratchDatabaseUrl(url: string, purpose: string): string {
  const suffix = `_${purpose}_${randomBytes(4).toString('hex')}`;
  const base = databaseName(url).slice(0, MAX_IDENTIFIER_LENGTH - suffix.length);
  return withDatabase(url, base + suffix);
}

/** Runs with a database of its own on the same server as `url`, dropped afterwards whatever happens. */
export async function withScratchDatabase<T>(
  url: string,
  purpose: string,
  run: (scratchUrl: string) => Promise<T>,
): Promise<T> {
  const scratchUrl = scratchDatabaseUrl(url, purpose);
  await ensureDatabase(scratchUrl);
  try {
    return await run(scratchUrl);
  } finally {
    await dropDatabase(scratchUrl);
  }
}
