import { connectRedis, listFailedEvents, queuePrefix, retryFailedEvents, type EventsConfig } from '@storefront/messaging';
import { consumingContexts } from '@storefront/events';
import { ofContext } from '../system/contexts';
import { hasTable, onDatabase } from './audit-line';

/** Jobs waiting, running or waiting to be retried, over every consuming context's queue (on Redis, which the run uses). */
export async function jobsInFlight(events: EventsConfig): Promise<number> {
  const redis = connectRedis(events.redisUrl, 'inspector');
  try {
    let total = 0;
    for (const queue of consumingContexts()) {
      const key = `${queuePrefix(events, queue)}:${queue}`;
      const [wait, active, delayed, prioritized] = await Promise.all([redis.llen(`${key}:wait`), redis.llen(`${key}:active`), redis.zcard(`${key}:delayed`), redis.zcard(`${key}:prioritized`)]);
      total += wait + active + delayed + prioritized;
    }
    return total;
  } finally {
    redis.disconnect();
  }
}

/** What is still moving: orders the saga has not answered, outbox rows not yet published, jobs in flight. */
export async function stillMoving(databaseUrls: Readonly<Record<string, string>>, events: EventsConfig, customerPrefix: string): Promise<{ orders: number; unpublished: number; jobs: number }> {
  const orders = await onDatabase(ofContext(databaseUrls, 'ordering'), async (db) =>
    Number((await db.query<{ count: string }>(`SELECT COUNT(*) AS count FROM orders WHERE customer_id LIKE $1 AND status::text IN ('PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS')`, [`${customerPrefix}%`])).rows[0]!.count),
  );
  let unpublished = 0;
  for (const url of Object.values(databaseUrls)) {
    unpublished += await onDatabase(url, async (db) => ((await hasTable(db, 'outbox')) ? Number((await db.query<{ count: string }>('SELECT COUNT(*) AS count FROM outbox WHERE published_at IS NULL')).rows[0]!.count) : 0));
  }
  return { orders, unpublished, jobs: await jobsInFlight(events) };
}

/**
 * After a payment provider outage longer than the retry budget, the jobs that ran out of attempts
 * on it are sent back, as an operator does with `pnpm events retry` (the saga's payment deadline,
 * which would end those orders by itself, is 30 minutes: longer than the run waits). Only those: any other failed job stays
 * for the audit to report. Returns what was sent back, by event type.
 */
export async function replayProviderFailures(events: EventsConfig): Promise<Record<string, number>> {
  const replayed: Record<string, number> = {};
  for (const job of await listFailedEvents(events, consumingContexts())) {
    if (job.queue !== 'payments' || !/payment provider/i.test(job.lastError)) continue;
    if ((await retryFailedEvents(events, { eventId: job.eventId }, ['payments'])) > 0) replayed[job.type] = (replayed[job.type] ?? 0) + 1;
  }
  return replayed;
}
