import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@storefront/db-tools';
import { CONTEXTS, type ContextUrls } from '../../scripts/system/contexts';
import { prepareDatabases } from '../../scripts/system/prepare-databases';

export interface TestDatabases {
  urls: ContextUrls;
  drop(): Promise<void>;
}

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/** Fresh databases for one test run, one per context, named uniquely, migrated and seeded; dropped afterwards. */
export async function createSeededDatabases(): Promise<TestDatabases> {
  const run = `t${randomBytes(4).toString('hex')}`;
  const urls = Object.fromEntries(CONTEXTS.map(({ name }) => [name, `${SERVER}/storefront_${run}_${name}`]));
  await prepareDatabases(urls);
  return {
    urls,
    drop: async () => {
      await Promise.all(Object.values(urls).map((url) => dropDatabase(url)));
    },
  };
}
