import type { ApolloServerPlugin } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { connectRedisClient } from '@storefront/platform';
import type { GatewayContext } from '../subgraph-data-source';
import { RedisKeyValueCache } from './redis-key-value-cache';

export interface ResponseCacheSettings {
  redisUrl: string;
  /** Every cached response's Redis key starts with it (a run's or a deployment's own prefix). */
  keyPrefix: string;
}

/**
 * Whole responses for anonymous callers, in Redis, for as long as the subgraphs' cache hints
 * allow (`@cacheControl` in their SDLs; the gateway takes the shortest max-age of the fetches a
 * query made, and none when any field has no hint, as every personal field has none). A signed-in
 * caller's request is never read from or written to it, and its Cache-Control says `private`, so
 * a shared cache (CDN, proxy) keeps it for no one else.
 */
export function anonymousResponseCache(settings: ResponseCacheSettings): ApolloServerPlugin<GatewayContext>[] {
  // One Redis or a Redis Cluster (REDIS_URL listing its masters).
  const redis = connectRedisClient(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
  // An unreachable Redis means no cache, not a failing gateway: reads miss, writes are dropped.
  redis.on('error', () => {});
  const anonymous = (context: GatewayContext) => context.identity === null;
  const privateForSignedIn: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ contextValue }) {
      if (anonymous(contextValue)) return;
      return {
        async executionDidStart({ overallCachePolicy }) {
          overallCachePolicy.restrict({ scope: 'PRIVATE' });
        },
      };
    },
  };
  const cache = ApolloServerPluginResponseCache<GatewayContext>({
    cache: new RedisKeyValueCache(redis, `${settings.keyPrefix}:`),
    shouldReadFromCache: async ({ contextValue }) => anonymous(contextValue),
    shouldWriteToCache: async ({ contextValue }) => anonymous(contextValue),
  });
  const closeRedis: ApolloServerPlugin<GatewayContext> = {
    async serverWillStart() {
      return {
        async serverWillStop() {
          redis.disconnect();
        },
      };
    },
  };
  return [privateForSignedIn, cache, closeRedis];
}
