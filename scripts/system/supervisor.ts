import { describeExit, startService, stopService, waitUntilUp, type Service } from './child-process';

export interface ServiceSpec {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Answers 2xx once the service can serve. */
  readyUrl: string;
}

/** Restart delays: doubling from `firstMs` up to `maxMs`, back to `firstMs` once a run lasted `stableMs`. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
  stableMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 500, maxMs: 30_000, stableMs: 60_000 };

interface Supervised {
  spec: ServiceSpec;
  index: number;
  service: Service;
  startedAt: number;
  delayMs: number;
  restarts: number;
  /** Settles once supervision of this service has ended (after stop, with nothing of it left). */
  done: Promise<void>;
}

/**
 * Keeps services up, as a process manager would: a service that exits while nobody asked it to is
 * started again after a delay that grows while it keeps failing, with a line saying so. `stop` ends
 * every service and settles only when no process of any of them is left.
 */
export class Supervisor {
  private readonly supervised: Supervised[] = [];
  private stopping = false;
  private wake: () => void = () => {};
  private readonly stopRequested = new Promise<void>((resolve) => (this.wake = resolve));

  constructor(
    private readonly say: (line: string) => void,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {}

  /** Starts a service and waits until it is ready; fails (leaving it to `stop`) if it exits first. */
  async start(spec: ServiceSpec): Promise<void> {
    if (this.stopping) throw new Error(`not starting ${spec.name}: stopping`);
    const index = this.supervised.length;
    const entry: Supervised = { spec, index, service: startService(spec.name, spec.entry, spec.env, index), startedAt: Date.now(), delayMs: this.backoff.firstMs, restarts: 0, done: Promise.resolve() };
    this.supervised.push(entry);
    await waitUntilUp(entry.service, spec.readyUrl);
  }

  /** From now on a service that exits is restarted. */
  keepUp(): void {
    for (const entry of this.supervised) entry.done = this.restartOnExit(entry);
  }

  /** Restarts so far, by service name. */
  restarts(): Record<string, number> {
    return Object.fromEntries(this.supervised.map((entry) => [entry.spec.name, entry.restarts]));
  }

  async stop(graceMs?: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await Promise.all(this.supervised.map((entry) => stopService(entry.service, graceMs)));
    await Promise.all(this.supervised.map((entry) => entry.done));
  }

  private async restartOnExit(entry: Supervised): Promise<void> {
    for (;;) {
      const exit = await entry.service.exited;
      if (this.stopping) return;
      const ranMs = Date.now() - entry.startedAt;
      if (ranMs >= this.backoff.stableMs) entry.delayMs = this.backoff.firstMs;
      const delayMs = entry.delayMs;
      entry.delayMs = Math.min(this.backoff.maxMs, entry.delayMs * 2);
      entry.restarts += 1;
      this.say(`${entry.spec.name} exited unexpectedly (${describeExit(exit)}, after ${(ranMs / 1000).toFixed(1)} s); restart ${entry.restarts} in ${delayMs} ms`);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, delayMs)), this.stopRequested]);
      if (this.stopping) return;
      entry.service = startService(entry.spec.name, entry.spec.entry, entry.spec.env, entry.index);
      entry.startedAt = Date.now();
      const service = entry.service;
      waitUntilUp(service, entry.spec.readyUrl).then(
        () => this.say(`${entry.spec.name} is back (restart ${entry.restarts})`),
        () => {
          // it exited again, or never answered: the loop sees the exit, or it is stuck and a person looks
        },
      );
    }
  }
}
