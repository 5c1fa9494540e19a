import { connectRedis, queuePrefix, type EventsConfig } from '@storefront/messaging';
import { distribution, type Distribution } from './stats';

/** One consuming context's queue, over the jobs of the orders measured. */
export interface QueueTiming {
  queue: string;
  jobs: number;
  /** Added to the queue → its last attempt taken by a worker (includes the backoff of any retry). */
  wait: Distribution;
  /** Taken → done: the consumer's transaction (inbox row and the handler's changes), as the worker saw it. */
  handle: Distribution;
  /** Jobs that needed more than one attempt. */
  retried: number;
  /** Why their earlier attempts failed (BullMQ keeps the last reason on the job), by reason. */
  retryReasons: Map<string, number>;
}

interface SagaJobData {
  correlationId?: string;
  payload?: { orderId?: string };
}

const number = (raw: string | undefined) => (raw === undefined ? NaN : Number(raw));

/**
 * Reads the completed jobs of each queue (BullMQ keeps them for an hour, up to 5,000 per queue:
 * `<prefix>:<queue>:completed`, one hash per job) for the orders given, and how long they waited
 * and took. Times are BullMQ's own stamps in ms, taken by the workers' processes.
 */
export async function queueTimings(events: EventsConfig, queues: readonly string[], orderIds: ReadonlySet<string>): Promise<QueueTiming[]> {
  const redis = connectRedis(events.redisUrl, 'worker');
  try {
    const timings: QueueTiming[] = [];
    for (const queue of queues) {
      const ids = await redis.zrange(`${queuePrefix(events, queue)}:${queue}:completed`, 0, -1);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(`${queuePrefix(events, queue)}:${queue}:${id}`);
      const hashes = ((await pipeline.exec()) ?? []).map(([, hash]) => hash as Record<string, string>);
      const jobs = hashes.filter((hash) => {
        let data: SagaJobData;
        try {
          data = JSON.parse(hash.data ?? '{}') as SagaJobData;
        } catch {
          return false;
        }
        return orderIds.has(data.payload?.orderId ?? data.correlationId ?? '');
      });
      const retried = jobs.filter((job) => number(job.ats ?? job.atm) > 1);
      const timed = jobs.filter((job) => Number.isFinite(number(job.processedOn)) && Number.isFinite(number(job.finishedOn)));
      timings.push({
        queue,
        jobs: jobs.length,
        wait: distribution(timed.map((job) => number(job.processedOn) - number(job.timestamp))),
        handle: distribution(timed.map((job) => number(job.finishedOn) - number(job.processedOn))),
        retried: retried.length,
        retryReasons: retried.reduce((reasons, job) => {
          // Ids vary from job to job; the reason is the same.
          const reason = (job.failedReason || 'no reason kept').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
          return reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }, new Map<string, number>()),
      });
    }
    return timings;
  } finally {
    redis.disconnect();
  }
}
