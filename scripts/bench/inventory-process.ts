import { spawn } from 'node:child_process';
import path from 'node:path';
import type { EventsConfig } from '@storefront/messaging';
import { runningChildren } from './ceilings';
import { processCpuMs } from './service-cpu';

const ROOT = path.resolve(__dirname, '..', '..');

export interface InventoryProcess {
  /** CPU time the process has used so far, in ms (NaN where /proc is missing). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Inventory's main.ts in its own Node process, as `pnpm dev` runs it, on the given database and event prefix. */
export function startInventoryProcess(databaseUrl: string, events: EventsConfig): InventoryProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'subgraphs/inventory/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      INVENTORY_PORT: '0',
      INVENTORY_DATABASE_URL: databaseUrl,
      REDIS_URL: events.redisUrl,
      EVENTS_BACKEND: events.backend,
      EVENTS_DATABASE_URL: events.databaseUrl,
      EVENTS_PREFIX: events.prefix,
      EVENTS_CONCURRENCY: String(events.concurrency),
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  runningChildren.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => runningChildren.delete(child));
  return {
    cpuMs: () => (child.pid === undefined ? NaN : processCpuMs(child.pid)),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
