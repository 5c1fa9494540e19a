import type { RequestHandler } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { connectRedisClient, createLogger } from '@storefront/platform';
import type { RateLimitSettings } from '../edge-settings';
import { callerKey } from '../auth/caller';
import { sendHttpError } from '../errors/http-error';

const log = createLogger('gateway');

export interface CallerRateLimit {
  middleware: RequestHandler;
  /** Settles once the first connection attempt has succeeded or failed, so counting starts at once. */
  connected: Promise<void>;
  close(): Promise<void>;
}

/**
 * A budget of requests per caller and window, counted in Redis so that it holds across every
 * gateway instance sharing the same Redis and key prefix. Over budget: 429 with Retry-After.
 * Redis unreachable: the request goes through (a storefront that stops selling because its
 * limiter's store is down is worse than one briefly unthrottled), and the gateway says so once
 * in its log, and again once Redis is back.
 */
export function callerRateLimit(settings: RateLimitSettings): CallerRateLimit {
  const redis = connectRedisClient(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  const connected = new Promise<void>((resolve) => {
    redis.once('ready', resolve);
    redis.once('error', () => resolve());
  });
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: settings.keyPrefix,
    points: settings.points,
    duration: settings.windowSeconds,
    rejectIfRedisNotReady: true,
  });
  let failingOpen = false;
  const failOpen = (cause: unknown) => {
    if (failingOpen) return;
    failingOpen = true;
    log.warn(`rate limiting is off while Redis is unreachable (${cause instanceof Error ? cause.message : String(cause)})`);
  };
  redis.on('error', failOpen);
  redis.on('ready', () => {
    if (failingOpen) log.info('Redis is back: rate limiting is on again');
    failingOpen = false;
  });

  const middleware: RequestHandler = async (req, res, next) => {
    try {
      await limiter.consume(callerKey(req, res));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.set('Retry-After', String(seconds));
        sendHttpError(res, 429, 'RATE_LIMITED', `Too many requests: try again in ${seconds} s.`);
        return;
      }
      failOpen(rejection);
    }
    next();
  };
  return {
    middleware,
    connected,
    async close() {
      redis.disconnect();
    },
  };
}
