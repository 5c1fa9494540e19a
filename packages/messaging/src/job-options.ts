import type { JobsOptions } from 'bullmq';
import type { EventEnvelope } from '@storefront/events';
import type { EventsConfig } from './events-config';

/**
 * One job per event per consuming context, its id the event's id, so publishing the same event
 * again while the job is stored adds nothing. Completed jobs are trimmed (the inbox remembers what
 * was handled); failed jobs stay until someone looks at them.
 */
export function jobFor(envelope: EventEnvelope, config: EventsConfig): { name: string; data: EventEnvelope; opts: JobsOptions } {
  return {
    name: envelope.type,
    data: envelope,
    opts: {
      jobId: envelope.id,
      attempts: config.attempts,
      backoff: { type: 'exponential', delay: config.backoffMs },
      removeOnComplete: { age: 3_600, count: 5_000 },
      removeOnFail: false,
    },
  };
}
