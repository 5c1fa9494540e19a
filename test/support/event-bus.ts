import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { eventsConfig, type EventsConfig } from '@storefront/messaging';

/**
 * Event settings for one test run: its own key prefix on the machine's Redis (so it never takes
 * jobs from a running `pnpm dev` or another test file), short locks so a killed worker's job is
 * taken over quickly, and short backoff so retries finish within a test.
 */
export function testEventsConfig(overrides: Partial<EventsConfig> = {}): EventsConfig {
  return { ...eventsConfig(), prefix: `{test-${randomBytes(4).toString('hex')}}`, backoffMs: 50, ...overrides };
}

/** Removes every key the run left under its prefix. */
export async function removeEventKeys(config: EventsConfig): Promise<void> {
  const redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
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
