import { createLogger } from './logger';
import { stopTracing } from './telemetry/tracing';

/** Longer than the HTTP servers' drain (10 s, for requests in flight), shorter than a usual orchestrator's grace (30 s). */
const STOP_DEADLINE_MS = 15_000;

/**
 * Runs a service as its own process: starts it, and on Ctrl-C or SIGTERM stops it cleanly
 * (in-flight requests finish, pools close) before exiting.
 */
export function runMain(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  const log = createLogger(name);
  start().then(
    (service) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info(`${signal}: stopping`);
        // A stop that never settles (a library waiting on something that will not come) must not
        // leave the process running until an orchestrator's SIGKILL: past the deadline it exits anyway.
        setTimeout(() => {
          log.error(`did not stop within ${STOP_DEADLINE_MS} ms; exiting anyway`);
          process.exit(1);
        }, STOP_DEADLINE_MS).unref();
        service.stop().then(
          // The spans of the last requests are still buffered: send them before leaving.
          () => stopTracing().then(() => process.exit(0)),
          (error: unknown) => {
            log.error('failed to stop cleanly', error);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      log.error('failed to start', error);
      process.exit(1);
    },
  );
}
