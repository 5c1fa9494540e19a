import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { RedisClient } from '@storefront/platform';

/**
 * Apollo's KeyValueCache over Redis, so that every gateway sharing a Redis shares the cached
 * responses. Redis down: a read misses and a write is dropped (the response cache's own plugin
 * logs neither), so requests go to the subgraphs as if nothing were cached.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.keyPrefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    // The plugin always passes the response's max-age; an entry without one would never expire.
    if (!ttl || ttl <= 0) return;
    try {
      await this.redis.set(this.keyPrefix + key, value, 'EX', Math.ceil(ttl));
    } catch {
      // a response not cached: the next request asks the subgraphs again
    }
  }

  async delete(key: string): Promise<boolean | void> {
    try {
      await this.redis.del(this.keyPrefix + key);
    } catch {
      // expires on its own
    }
  }
}
