import { createLogger } from './logger';
import { stopTracing } from './telemetry/tracing';

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
