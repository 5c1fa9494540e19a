import { createPostgresBackend, Queue, Worker, withBackend, type IQueueBackend, type Processor, type WorkerOptions } from 'bullmq';
import type { Logger } from '@storefront/platform';
import { queuePrefix, queueSchema, type EventsConfig } from './events-config';
import { connectRedis, warnUnlessNoEviction } from './redis-connection';

/** A queue on either backend (the backend and its connection options are the last two type parameters). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- jobs are event envelopes, checked by the consumer
export type AnyQueue = Queue<any, any, string, any, any, string, IQueueBackend, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export type AnyWorker = Worker<any, any, string, IQueueBackend, any, any>;

/** What a worker is told besides where its queue lives. */
export type WorkerSettings = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * The queues, wherever they live. The same BullMQ `Queue` and `Worker` on either backend, so
 * delivery, retries with backoff, the failed set and graceful shutdown are the same code:
 * - Redis (the default): one connection per transport, each queue's keys under `queuePrefix`;
 * - PostgreSQL: BullMQ's own backend, every queue in the schema `queueSchema` of the events
 *   database (created by BullMQ's migrations on first use); jobs are claimed with
 *   `FOR UPDATE SKIP LOCKED` and workers wake through LISTEN/NOTIFY.
 */
export interface QueueTransport {
  queue(name: string): AnyQueue;
  worker(name: string, processor: Processor, settings: WorkerSettings): AnyWorker;
  /** Closes what the transport itself holds; queues and workers are closed by their owners first. */
  close(): void;
}

/**
 * Roles, as with Redis connections: a worker waits out an outage, a publisher fails fast (its
 * events stay in the outbox), an inspector (the failed-set tools) gives up quickly.
 */
export function openQueueTransport(events: EventsConfig, role: 'worker' | 'publisher' | 'inspector', log?: Logger): QueueTransport {
  if (events.backend === 'postgres') return postgresTransport(events, role);
  const redis = connectRedis(events.redisUrl, role);
  // Not awaited: with Redis down at start-up the check waits for it, and the worker must start anyway.
  if (role === 'worker' && log) void warnUnlessNoEviction(redis, log);
  return {
    queue: (name) => new Queue(name, { connection: redis, prefix: queuePrefix(events, name) }),
    worker: (name, processor, settings) => new Worker(name, processor, { ...settings, connection: redis, prefix: queuePrefix(events, name) }),
    close: () => redis.disconnect(),
  };
}

function postgresTransport(events: EventsConfig, role: 'worker' | 'publisher' | 'inspector'): QueueTransport {
  const { Queue: PostgresQueue, Worker: PostgresWorker } = withBackend(createPostgresBackend);
  // Each queue and worker owns a small pool; a worker's LISTEN connection is its own, outside it.
  const connection = (max: number) => ({
    connectionString: events.databaseUrl,
    schema: queueSchema(events),
    migrate: true,
    max,
    connectionTimeoutMillis: role === 'worker' ? 0 : 3_000,
  });
  return {
    queue: (name) => new PostgresQueue(name, { connection: connection(2) }),
    worker: (name, processor, settings) => new PostgresWorker(name, processor, { ...settings, connection: connection((settings.concurrency ?? 1) + 2) }),
    close: () => undefined,
  };
}
