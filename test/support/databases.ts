import { randomBytes } from 'node:crypto';
import { dropDatabase } from '@storefront/db-tools';
import { prepareDatabases } from '../../scripts/system/prepare-databases';

export interface TestDatabases {
  urls: { catalog: string; inventory: string; shipping: string };
  drop(): Promise<void>;
}

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/** Fresh databases for one test run, named uniquely, migrated and seeded; dropped afterwards. */
export async function createSeededDatabases(): Promise<TestDatabases> {
  const run = `t${randomBytes(4).toString('hex')}`;
  const urls = {
    catalog: `${SERVER}/storefront_${run}_catalog`,
    inventory: `${SERVER}/storefront_${run}_inventory`,
    shipping: `${SERVER}/storefront_${run}_shipping`,
  };
  await prepareDatabases(urls);
  return {
    urls,
    drop: async () => {
      await Promise.all(Object.values(urls).map((url) => dropDatabase(url)));
    },
  };
}
