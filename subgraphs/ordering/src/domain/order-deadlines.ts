import type { CancellationReason, OrderStatus } from './order-status';

/** The statuses in which an order waits for another context's answer, and so has a deadline. */
export type WaitingStatus = 'PLACED' | 'AWAITING_PAYMENT' | 'AWAITING_PROMOTIONS';

export const WAITING_STATUSES: readonly WaitingStatus[] = ['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS'];

/**
 * How long, in milliseconds, an order may wait in each waiting status (counted from when it entered
 * it) before it is cancelled: no order waits forever on a context that never answers.
 */
export type SagaDeadlines = Readonly<Record<WaitingStatus, number>>;

/** Who an order in each waiting status waits for, and what the customer is told when it gives up. */
const GIVING_UP: Readonly<Record<WaitingStatus, { code: CancellationReason['code']; waitedFor: string }>> = {
  PLACED: { code: 'STOCK_TIMED_OUT', waitedFor: 'The stock could not be reserved' },
  AWAITING_PAYMENT: { code: 'PAYMENT_TIMED_OUT', waitedFor: 'The payment could not be authorized' },
  AWAITING_PROMOTIONS: { code: 'PROMOTIONS_TIMED_OUT', waitedFor: 'The promotions it applied could not be confirmed' },
};

export function isWaiting(status: OrderStatus | string): status is WaitingStatus {
  return (WAITING_STATUSES as readonly string[]).includes(status);
}

/** When an order in `status` since `since` stops waiting; null for a status that waits on nobody. */
export function deadlineOf(status: OrderStatus | string, since: Date, deadlines: SagaDeadlines): Date | null {
  return isWaiting(status) ? new Date(since.getTime() + deadlines[status]) : null;
}

/** Why an order that waited in `status` past its deadline is cancelled. */
export function timedOut(status: WaitingStatus, deadlines: SagaDeadlines): CancellationReason {
  const { code, waitedFor } = GIVING_UP[status];
  return { code, message: `${waitedFor} within ${duration(deadlines[status])}.` };
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
}
