import { connectRedisClient, type Logger, type RedisClient } from '@storefront/platform';

/**
 * A worker's connection waits out a Redis outage (BullMQ requires `maxRetriesPerRequest: null`);
 * a publisher's fails fast instead, so that the relay leaves its rows in the outbox and tries again;
 * an inspector's fails after one retry, so a command-line tool never hangs on a Redis that is down.
 */
export function connectRedis(url: string, role: 'worker' | 'publisher' | 'inspector'): RedisClient {
  const redis = connectRedisClient(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    // An inspector (the failed-set tools) queues its first commands until connected, then gives up quickly.
    enableOfflineQueue: role !== 'publisher',
    // Workers and publishers reconnect for as long as it takes; an inspector gives up after a few tries.
    retryStrategy: (times) => (role === 'inspector' && times > 3 ? null : Math.min(times * 100, 2_000)),
  });
  // Connection errors are retried by ioredis and surface on the commands that need Redis.
  redis.on('error', () => undefined);
  return redis;
}

/** BullMQ loses jobs if Redis evicts keys under memory pressure: say so loudly at start-up. */
export async function warnUnlessNoEviction(redis: RedisClient, log: Logger): Promise<void> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== undefined && policy !== 'noeviction') {
      log.warn(`WARNING: Redis maxmemory-policy is "${policy}"; queued events can be evicted and lost. Set it to "noeviction".`);
    }
  } catch (error) {
    log.warn(`could not read Redis maxmemory-policy (${(error as Error).message}); make sure it is "noeviction"`);
  }
}
