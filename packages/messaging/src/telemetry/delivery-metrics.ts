import { Pool } from 'pg';
import { defineCounter, defineGauge, defineHistogram } from '@storefront/platform';
import type { EventsConfig } from '../events-config';
import { openQueueTransport, type AnyQueue, type QueueTransport } from '../queue-transport';

/** The outboxes and queues this process answers for, read at scrape time. */
const outboxes = new Map<string, Pool>();
/** Opened on the first scrape: a process nobody scrapes holds no connection for its gauges. */
const queues = new Map<string, () => AnyQueue>();

interface BacklogRow {
  backlog: string;
  oldest_seconds: number | null;
}

defineGauge('outbox_backlog', 'Outbox rows not yet published, per context', ['context'], async (gauge) => {
  gauge.reset();
  await Promise.all(
    [...outboxes].map(async ([context, pool]) => {
      const row = await readBacklog(pool);
      if (row) gauge.set({ context }, Number(row.backlog));
    }),
  );
});

defineGauge('outbox_oldest_unpublished_age_seconds', 'Age of the oldest outbox row not yet published (0 when none), per context', ['context'], async (gauge) => {
  gauge.reset();
  await Promise.all(
    [...outboxes].map(async ([context, pool]) => {
      const row = await readBacklog(pool);
      if (row) gauge.set({ context }, row.oldest_seconds ?? 0);
    }),
  );
});

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
defineGauge('queue_jobs', 'Jobs in a context’s event queue, by state (waiting, active, delayed, failed)', ['queue', 'state'], async (gauge) => {
  gauge.reset();
  await Promise.all(
    [...queues].map(async ([name, queue]) => {
      // The queues' store down: the scrape still answers, without this queue's series (absent, not zero).
      const counts = await queue().getJobCounts(...QUEUE_STATES).catch(() => null);
      if (counts) for (const state of QUEUE_STATES) gauge.set({ queue: name, state }, counts[state] ?? 0);
    }),
  );
});

export const eventHandlerDuration = defineHistogram('event_handler_duration_seconds', 'Time to handle one delivered event, by queue, type and outcome', ['queue', 'type', 'outcome']);
export const eventHandlerFailures = defineCounter('event_handler_failures_total', 'Deliveries whose handling failed (retried or rejected), by queue and type', ['queue', 'type', 'reason']);

/** One index range scan on (published_at, position) per gauge and scrape. */
function readBacklog(pool: Pool): Promise<BacklogRow | null> {
  return pool
    .query<BacklogRow>(
      `SELECT count(*)::text AS backlog, extract(epoch FROM now() - min(occurred_at))::float8 AS oldest_seconds
         FROM outbox WHERE published_at IS NULL`,
    )
    .then((result) => result.rows[0] ?? null)
    .catch(() => null);
}

/**
 * Makes a context's outbox and queue visible on this process's /metrics. Returns what closes the
 * connections it opened.
 */
export function watchDelivery(options: { context: string; databaseUrl: string; events: EventsConfig; outbox: boolean; queue: boolean }): () => Promise<void> {
  // A scrape must answer even when the database does not: time-outs, then the series is absent.
  const pool = options.outbox ? new Pool({ connectionString: options.databaseUrl, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000 }) : null;
  pool?.on('error', () => undefined);
  if (pool) outboxes.set(options.context, pool);
  // Its own publisher transport (fails fast), opened when first scraped.
  let opened: { transport: QueueTransport; queue: AnyQueue } | null = null;
  const queue = () => {
    if (!opened) {
      const transport = openQueueTransport(options.events, 'publisher');
      opened = { transport, queue: transport.queue(options.context) };
      opened.queue.on('error', () => undefined);
    }
    return opened.queue;
  };
  if (options.queue) queues.set(options.context, queue);
  return async () => {
    if (outboxes.get(options.context) === pool) outboxes.delete(options.context);
    if (queues.get(options.context) === queue) queues.delete(options.context);
    await opened?.queue.close();
    opened?.transport.close();
    await pool?.end();
  };
}
