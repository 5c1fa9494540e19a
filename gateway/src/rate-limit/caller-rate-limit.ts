import type { RequestHandler } from 'express';
import { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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
 * gateway instance sharing the same Redis and key prefix (or in PostgreSQL, where no Redis runs:
 * `RATE_LIMIT_DATABASE_URL`, a table `gateway_rate_limits` created on first use). Over budget:
 * 429 with Retry-After. Store unreachable: the request goes through (a storefront that stops
 * selling because its limiter's store is down is worse than one briefly unthrottled), and the
 * gateway says so once in its log, and again once the store is back.
 */
export function callerRateLimit(settings: RateLimitSettings): CallerRateLimit {
  const { name, limiter, connected, close, onStoreError, onStoreReady } = settings.databaseUrl ? postgresStore(settings, settings.databaseUrl) : redisStore(settings);
  let failingOpen = false;
  const failOpen = (cause: unknown) => {
    if (failingOpen) return;
    failingOpen = true;
    log.warn(`rate limiting is off while ${name} is unreachable (${cause instanceof Error ? cause.message : String(cause)})`);
  };
  onStoreError(failOpen);
  onStoreReady(() => {
    if (failingOpen) log.info(`${name} is back: rate limiting is on again`);
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
    close,
  };
}

interface CounterStore {
  name: 'Redis' | 'PostgreSQL';
  limiter: RateLimiterAbstract;
  connected: Promise<void>;
  close(): Promise<void>;
  onStoreError(listener: (cause: unknown) => void): void;
  onStoreReady(listener: () => void): void;
}

function redisStore(settings: RateLimitSettings): CounterStore {
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
  return {
    name: 'Redis',
    limiter,
    connected,
    close: async () => redis.disconnect(),
    onStoreError: (listener) => redis.on('error', listener),
    onStoreReady: (listener) => redis.on('ready', listener),
  };
}

function postgresStore(settings: RateLimitSettings, databaseUrl: string): CounterStore {
  const pool = new Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 2000 });
  const errors: ((cause: unknown) => void)[] = [];
  const readies: (() => void)[] = [];
  pool.on('error', (error) => errors.forEach((listener) => listener(error)));
  let created: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (created = resolve));
  const limiter = new RateLimiterPostgres(
    { storeClient: pool, tableName: 'gateway_rate_limits', keyPrefix: settings.keyPrefix, points: settings.points, duration: settings.windowSeconds, clearExpiredByTimeout: true },
    (error?: Error) => {
      if (error) errors.forEach((listener) => listener(error));
      else readies.forEach((listener) => listener());
      created();
    },
  );
  return {
    name: 'PostgreSQL',
    limiter,
    connected,
    close: () => pool.end(),
    onStoreError: (listener) => errors.push(listener),
    onStoreReady: (listener) => readies.push(listener),
  };
}
