import type { EventsConfig } from './events-config';

/**
 * The longest pause between two deliveries of an event that is waiting for another: short enough
 * that it is handled within seconds of what it waits for (a killed worker's job, taken over once
 * its lock has expired), long enough that a hundred waiting events cost next to nothing.
 */
export const NOT_YET_MAX_DELAY_MS = 5_000;

/** What BullMQ knows of a delivery that answered "not yet". */
export interface WaitingJob {
  /** When the job was added to the queue. */
  timestamp: number;
  /** Deliveries so far, this one included (a wait does not count as an attempt, but as a start). */
  attemptsStarted: number;
  /** Failed attempts: a wait uses none. */
  attemptsMade: number;
}

/**
 * How long to wait before delivering a not-yet event again: the events' backoff, doubling with
 * each wait and capped at NOT_YET_MAX_DELAY_MS; or null once it has waited longer than
 * `notYetWaitMs`, when it is to be retried and fail as any error does.
 */
export function notYetDelay(job: WaitingJob, events: Pick<EventsConfig, 'backoffMs' | 'notYetWaitMs'>, now: number): number | null {
  if (now - job.timestamp >= events.notYetWaitMs) return null;
  const waits = Math.max(1, job.attemptsStarted - job.attemptsMade);
  return Math.min(NOT_YET_MAX_DELAY_MS, events.backoffMs * 2 ** Math.min(waits - 1, 20));
}
