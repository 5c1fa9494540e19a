import { Client } from 'pg';
import { connectRedis, type EventsConfig } from '@storefront/messaging';

/** The URL (or a cluster's list of URLs) as it may be printed: without a password. */
export function displayRedisUrl(url: string): string {
  return url.split(',').map((node) => {
    try {
      const parsed = new URL(node.trim());
      if (parsed.password) parsed.password = '***';
      return parsed.toString().replace(/\/$/, '');
    } catch {
      return node.trim();
    }
  }).join(',');
}

/** The most telling line of a connection error (Node reports a refused dual-stack connect as an AggregateError with no message). */
function reason(error: unknown): string {
  const failure = error as Error & { code?: string; errors?: Error[] };
  if (failure.message) return failure.message;
  if (failure.errors?.length) return failure.errors.map((inner) => inner.message).join('; ');
  return failure.code ?? failure.name ?? String(error);
}

/**
 * Resolves once Redis answers, or rejects with a one-line reason within `timeoutMs`. The queues'
 * own connections wait for Redis forever (BullMQ needs them to), so a command-line tool asks first.
 */
export async function assertRedisReachable(url: string, timeoutMs = 3_000): Promise<void> {
  const redis = connectRedis(url, 'publisher');
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
      redis.once('error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    throw new Error(`cannot reach Redis at ${displayRedisUrl(url)} (${reason(error)}); is it running? Set REDIS_URL to point elsewhere.`);
  } finally {
    redis.disconnect();
  }
}

/** The events database's URL as it may be printed: without a password. */
function displayDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Where the queues live, as it may be printed. */
export function displayQueues(config: EventsConfig): string {
  return config.backend === 'postgres' ? `PostgreSQL at ${displayDatabaseUrl(config.databaseUrl)}` : `Redis at ${displayRedisUrl(config.redisUrl)}`;
}

/** `assertRedisReachable`, or its PostgreSQL counterpart when the queues live there. */
export async function assertQueuesReachable(config: EventsConfig, timeoutMs = 3_000): Promise<void> {
  if (config.backend === 'redis') return assertRedisReachable(config.redisUrl, timeoutMs);
  const client = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot reach the queues' database at ${displayDatabaseUrl(config.databaseUrl)} (${reason(error)}); is it running? Set EVENTS_DATABASE_URL to point elsewhere.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
