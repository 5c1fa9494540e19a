type Env = Record<string, string | undefined>;

/** How a context reaches the event bus and how hard it tries. Read once from the environment. */
export interface EventsConfig {
  redisUrl: string;
  /** Prefix of every BullMQ key; the braces make it a Redis Cluster hash tag, so a queue's keys share a slot. */
  prefix: string;
  /** Deliveries of one event to one consumer before it lands in the failed set. */
  attempts: number;
  /** First retry delay; each further retry doubles it. */
  backoffMs: number;
  /** Jobs one worker handles at once. */
  concurrency: number;
  /** How long a worker's lock on a job lasts without renewal; a killed worker's job is taken over after it. */
  lockDurationMs: number;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function eventsConfig(env: Env = process.env): EventsConfig {
  return {
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: env.EVENTS_PREFIX ?? '{storefront}',
    attempts: positiveInteger(env, 'EVENTS_ATTEMPTS', 8),
    backoffMs: positiveInteger(env, 'EVENTS_BACKOFF_MS', 250),
    concurrency: positiveInteger(env, 'EVENTS_CONCURRENCY', 8),
    lockDurationMs: positiveInteger(env, 'EVENTS_LOCK_DURATION_MS', 30_000),
  };
}
