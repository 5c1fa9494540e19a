import { randomBytes } from 'node:crypto';
import { Cluster, type Redis } from 'ioredis';
import { connectRedisClient } from '@storefront/platform';
import { Client } from 'pg';
import { ensureDatabase } from '@storefront/db-tools';
import { eventsConfig, queueSchema, type EventsBackend, type EventsConfig } from '@storefront/messaging';

/**
 * Event settings for one test run: its own key prefix on the machine's Redis (so it never takes
 * jobs from a running `pnpm dev` or another test file), short locks so a killed worker's job is
 * taken over quickly, and short backoff so retries finish within a test.
 */
export function testEventsConfig(overrides: Partial<EventsConfig> = {}): EventsConfig {
  return {
    ...eventsConfig(),
    backend: testEventsBackend(),
    databaseUrl: TEST_EVENTS_DATABASE_URL,
    prefix: `test-${randomBytes(4).toString('hex')}`,
    backoffMs: 50,
    ...overrides,
  };
}

const TEST_EVENTS_DATABASE_URL = `${process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432'}/storefront_test_events`;

/** The queue backend the tests of this file run on: `TEST_EVENTS_BACKEND`, Redis unless it says `postgres`. */
function testEventsBackend(): EventsBackend {
  return process.env.TEST_EVENTS_BACKEND === 'postgres' ? 'postgres' : 'redis';
}

/** Runs the rest of this test file on BullMQ's PostgreSQL backend (its queues in the shared test events database). */
export function onPostgresQueues(): void {
  process.env.TEST_EVENTS_BACKEND = 'postgres';
  beforeAll(() => ensureDatabase(TEST_EVENTS_DATABASE_URL));
  afterAll(() => {
    delete process.env.TEST_EVENTS_BACKEND;
  });
}

/** Removes every key the run left under its prefix (on each master, when Redis is a cluster), or its schema with PostgreSQL queues. */
export async function removeEventKeys(config: EventsConfig): Promise<void> {
  if (config.backend === 'postgres') {
    const client = new Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${queueSchema(config)}" CASCADE`);
    } finally {
      await client.end();
    }
    return;
  }
  const client = connectRedisClient(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const nodes = client instanceof Cluster ? await clusterMasters(client) : [client];
    for (const redis of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.prefix}:*`, 'COUNT', 1000);
        // One key per command (in a cluster the keys of one page may live in different slots), pipelined.
        if (keys.length > 0) await keys.reduce((pipeline, key) => pipeline.del(key), redis.pipeline()).exec();
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    client.disconnect();
  }
}

async function clusterMasters(cluster: Cluster): Promise<Redis[]> {
  await new Promise<void>((resolve, reject) => {
    if (cluster.status === 'ready') resolve();
    cluster.once('ready', () => resolve());
    cluster.once('error', reject);
  });
  return cluster.nodes('master');
}

/** Asks again until `probe` gives something other than undefined, or fails after the deadline. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, deadlineMs = 20_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Still waiting after ${deadlineMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
