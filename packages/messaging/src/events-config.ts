type Env = Record<string, string | undefined>;

export const EVENTS_BACKENDS = ['redis', 'postgres'] as const;
export type EventsBackend = (typeof EVENTS_BACKENDS)[number];

/** Where a queue database lives when none is configured: beside the contexts' own, on the same server. */
export const DEFAULT_EVENTS_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/storefront_events';

function backendOf(env: Env): EventsBackend {
  const raw = env.EVENTS_BACKEND;
  if (raw === undefined || raw === '') return 'redis';
  if ((EVENTS_BACKENDS as readonly string[]).includes(raw)) return raw as EventsBackend;
  throw new Error(`EVENTS_BACKEND must be one of ${EVENTS_BACKENDS.join(', ')}, got "${raw}"`);
}

/** How a context reaches the event bus and how hard it tries. Read once from the environment. */
export interface EventsConfig {
  /** Where the queues live: Redis (the default), or PostgreSQL through BullMQ's own PostgreSQL backend. */
  backend: EventsBackend;
  redisUrl: string;
  /** The PostgreSQL database the queues live in when `backend` is `postgres` (one schema per prefix). */
  databaseUrl: string;
  /** Prefix of every BullMQ key (see `queuePrefix` for how a queue's keys are laid out). */
  prefix: string;
  /** Deliveries of one event to one consumer before it lands in the failed set. */
  attempts: number;
  /** First retry delay; each further retry doubles it. */
  backoffMs: number;
  /** Jobs one worker handles at once. */
  concurrency: number;
  /** How long a worker's lock on a job lasts without renewal; a killed worker's job is taken over after it. */
  lockDurationMs: number;
  /**
   * How long an event that arrived before what it depends on (`NotYetError`) is delivered again
   * without using up attempts; past it, it is retried like any failure and ends in the failed set.
   */
  notYetWaitMs: number;
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
    backend: backendOf(env),
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    databaseUrl: env.EVENTS_DATABASE_URL || DEFAULT_EVENTS_DATABASE_URL,
    prefix: env.EVENTS_PREFIX || 'storefront',
    attempts: positiveInteger(env, 'EVENTS_ATTEMPTS', 8),
    backoffMs: positiveInteger(env, 'EVENTS_BACKOFF_MS', 250),
    concurrency: positiveInteger(env, 'EVENTS_CONCURRENCY', 8),
    lockDurationMs: positiveInteger(env, 'EVENTS_LOCK_DURATION_MS', 30_000),
    // An hour: longer than the longest saga deadline (30 minutes waiting for payment), so an event
    // still waiting then is waiting for something that was lost, which a person must look at.
    notYetWaitMs: positiveInteger(env, 'EVENTS_NOT_YET_WAIT_SECONDS', 3_600) * 1000,
  };
}

/**
 * The BullMQ prefix of one queue. Each queue's keys carry its name as a Redis Cluster hash tag,
 * `storefront:{inventory}:inventory:wait`, so that one queue's keys share a slot (BullMQ's scripts
 * need that) while different queues spread over a cluster's shards. A configured prefix that
 * already has a hash tag (`{storefront}`, the layout before per-queue tags) is kept as it is: every
 * queue then lives in that one slot, which is how an installation upgrades without moving the
 * jobs it already holds.
 */
export function queuePrefix(events: Pick<EventsConfig, 'prefix'>, queue: string): string {
  return events.prefix.includes('{') ? events.prefix : `${events.prefix}:{${queue}}`;
}

/**
 * The PostgreSQL schema the queues of a prefix live in, with the PostgreSQL backend: the prefix
 * in lower case, every character other than a letter, a digit or `_` made `_` (`storefront`,
 * `test_1a2b3c4d`). It plays the part the key prefix plays in Redis: one installation's queues,
 * apart from another's in the same database.
 */
export function queueSchema(events: Pick<EventsConfig, 'prefix'>): string {
  return events.prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}
