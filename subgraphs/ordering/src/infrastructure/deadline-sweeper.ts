import type { Logger } from '@storefront/platform';

export interface DeadlineSweeper {
  /** Stops sweeping; waits for a sweep under way to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `sweep` every `intervalMs`, one run at a time. The deadlines live in the orders' rows, so a
 * restarted process (or another one) picks up where this one stopped; a failed run is logged and
 * the next one tries again.
 */
export function startDeadlineSweeper(sweep: () => Promise<number>, intervalMs: number, logger: Logger): DeadlineSweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = async () => {
    try {
      const cancelled = await sweep();
      if (cancelled > 0) logger.info(`cancelled ${cancelled} order(s) that waited past their deadline`);
    } catch (error) {
      logger.error('the deadline sweep failed; the next one tries again', error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
