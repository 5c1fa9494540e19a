import { consumingContexts } from '@storefront/events';
import type { EventsConfig } from './events-config';
import { openQueueTransport, type AnyQueue } from './queue-transport';

export interface FailedEvent {
  queue: string;
  type: string;
  eventId: string;
  attempts: number;
  lastError: string;
  failedAt: Date | null;
}

/** Opens the consuming contexts' queues for inspection, and closes them after. */
async function withQueues<T>(config: EventsConfig, queues: readonly string[], work: (queues: AnyQueue[]) => Promise<T>): Promise<T> {
  const transport = openQueueTransport(config, 'inspector');
  const opened = queues.map((name) => transport.queue(name));
  // Errors surface on the calls below; the queues' own reconnect noise is not news.
  for (const queue of opened) queue.on('error', () => undefined);
  try {
    return await work(opened);
  } finally {
    await Promise.all(opened.map((queue) => queue.close()));
    transport.close();
  }
}

/** Every event that used up its attempts or was rejected, in every consuming context's queue. */
export async function listFailedEvents(config: EventsConfig, queues: readonly string[] = consumingContexts()): Promise<FailedEvent[]> {
  return withQueues(config, queues, async (opened) => {
    const failed = await Promise.all(
      opened.map(async (queue) =>
        (await queue.getFailed(0, -1)).map((job) => ({
          queue: queue.name,
          type: job.name,
          eventId: String(job.id),
          attempts: job.attemptsMade,
          lastError: job.failedReason,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        })),
      ),
    );
    return failed.flat();
  });
}

/** Sends failed events back to their queues for another full set of attempts; returns how many. */
export async function retryFailedEvents(
  config: EventsConfig,
  which: { eventId: string } | 'all',
  queues: readonly string[] = consumingContexts(),
): Promise<number> {
  return withQueues(config, queues, async (opened) => {
    let retried = 0;
    for (const queue of opened) {
      const jobs = await queue.getFailed(0, -1);
      for (const job of jobs.filter((candidate) => which === 'all' || candidate.id === which.eventId)) {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried += 1;
      }
    }
    return retried;
  });
}
