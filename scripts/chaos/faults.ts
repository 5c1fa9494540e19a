import { rmSync, writeFileSync } from 'node:fs';
import { serviceProcess, signal } from '../system/process-tree';
import { onDatabase } from './audit-line';
import type { OwnRedis } from './redis-server';

export const FAULT_KINDS = ['subgraph-killed', 'redis-restarted', 'redis-unreachable', 'postgres-sessions-terminated', 'payment-provider-outage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface InjectedFault {
  kind: FaultKind;
  /** What it hit: the subgraph, the context's database, how long. */
  target: string;
  at: number;
  /** When the system was whole again from this fault's point of view (the service back, Redis answering, ...). */
  recoveredAt: number;
}

export interface FaultSettings {
  /** The `pnpm dev` process whose services are killed. */
  devPid: number;
  subgraphs: readonly { name: string; readyUrl: string }[];
  databaseUrls: Readonly<Record<string, string>>;
  redis: OwnRedis;
  providerOutageFile: string;
  /** Longer than the events' retry budget, so that jobs do run out of attempts. */
  providerOutageMs: number;
  redisUnreachableMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, what: string, deadlineMs = 180_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${deadlineMs} ms`);
    await sleep(200);
  }
}

const answers = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
};

/** Injects one fault at a time, each of a kind in turn over its targets, and waits for it to be over. */
export class FaultInjector {
  readonly injected: InjectedFault[] = [];
  private readonly turns = new Map<FaultKind, number>();

  constructor(private readonly settings: FaultSettings) {}

  async inject(kind: FaultKind): Promise<InjectedFault> {
    const turn = this.turns.get(kind) ?? 0;
    this.turns.set(kind, turn + 1);
    const at = Date.now();
    const target = await this.apply(kind, turn);
    const fault = { kind, target, at, recoveredAt: Date.now() };
    this.injected.push(fault);
    return fault;
  }

  /** Puts back what a run interrupted mid-fault may have left off (the provider, Redis). */
  async restore(): Promise<void> {
    rmSync(this.settings.providerOutageFile, { force: true });
    await this.settings.redis.up().catch(() => undefined);
  }

  private async apply(kind: FaultKind, turn: number): Promise<string> {
    const { settings } = this;
    switch (kind) {
      case 'subgraph-killed': {
        const subgraph = settings.subgraphs[turn % settings.subgraphs.length]!;
        const pid = serviceProcess(settings.devPid, subgraph.name);
        if (pid === undefined) throw new Error(`no process runs ${subgraph.name}`);
        signal(pid, 'SIGKILL');
        // Back once another process runs it and answers.
        await until(async () => {
          const now = serviceProcess(settings.devPid, subgraph.name);
          return now !== undefined && now !== pid && (await answers(subgraph.readyUrl));
        }, `${subgraph.name} to be restarted`);
        return subgraph.name;
      }
      case 'redis-restarted':
        await settings.redis.down();
        await settings.redis.up();
        return `:${settings.redis.port}`;
      case 'redis-unreachable':
        await settings.redis.down();
        await sleep(settings.redisUnreachableMs);
        await settings.redis.up();
        return `${settings.redisUnreachableMs / 1000} s`;
      case 'postgres-sessions-terminated': {
        const contexts = Object.keys(settings.databaseUrls);
        const context = contexts[turn % contexts.length]!;
        const url = new URL(settings.databaseUrls[context]!);
        const database = url.pathname.slice(1);
        url.pathname = '/postgres';
        const rows = await onDatabase(url.toString(), async (client) =>
          (
            await client.query<{ terminated: boolean }>(
              'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
              [database],
            )
          ).rows,
        );
        return `${context} (${rows.filter((row) => row.terminated).length} sessions)`;
      }
      case 'payment-provider-outage':
        writeFileSync(settings.providerOutageFile, 'down\n');
        await sleep(settings.providerOutageMs);
        rmSync(settings.providerOutageFile, { force: true });
        return `${settings.providerOutageMs / 1000} s`;
    }
  }
}
