import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { dropDatabase } from '@storefront/db-tools';
import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { issueToken } from '../../gateway/src/auth/tokens';
import { removeEventKeys } from '../../test/support/event-bus';
import { contextEnvName } from '@storefront/platform';
import { CONTEXTS, type ContextUrls } from '../system/contexts';
import { descendants, signal } from '../system/process-tree';
import { processCpuMs } from './service-cpu';
import { benchTopology, devArguments, type BenchTopology } from './topology';

const ROOT = path.resolve(__dirname, '..', '..');
const JWT_SECRET = 'bench-saga-jwt-secret-0123456789abcdef';
/** What `pnpm dev` prints once every process answers /ready. */
const READY = 'GraphiQL: http://localhost';

/** Everything one run will create, named before anything is, so that an interrupted run can always remove it. */
export interface SagaSystemPlan {
  run: string;
  databaseUrls: ContextUrls;
  events: EventsConfig;
  gatewayPort: number;
  env: NodeJS.ProcessEnv;
  /** BENCH_TOPOLOGY: the processes `pnpm dev` runs the storefront in. */
  topology: BenchTopology;
}

export function planSagaSystem(run: string, server: string): SagaSystemPlan {
  // Below Linux's ephemeral ports (32768 and up), which outgoing connections take at random.
  const base = 20_000 + Math.floor(Math.random() * 12_000);
  const databaseUrls = Object.fromEntries(CONTEXTS.map(({ name }) => [name, `${server}/storefront_bench_${run}_${name}`]));
  const events: EventsConfig = { ...eventsConfig(), prefix: `{bench-${run}}` };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APOLLO_TELEMETRY_DISABLED: '1',
    // Per-request logging does not exist; this shows start-up lines, warnings and errors only.
    LOG_LEVEL: 'info',
    PORT: String(base),
    JWT_SECRET,
    EVENTS_PREFIX: events.prefix,
    // The gateway's rate-limit counters live under the run's prefix too, so that they go with it.
    RATE_LIMIT_KEY_PREFIX: `${events.prefix}:gateway:rate`,
    ...Object.fromEntries(
      CONTEXTS.flatMap(({ name, port }) => [
        [`${contextEnvName(name)}_PORT`, String(base + port - 4000)],
        [`${contextEnvName(name)}_DATABASE_URL`, databaseUrls[name]],
      ]),
    ),
  };
  return { run, databaseUrls, events, gatewayPort: base, env, topology: benchTopology() };
}

export interface SagaSystem {
  gatewayUrl: string;
  token(subject: string, roles?: readonly string[]): Promise<string>;
  /** CPU time used so far by each process `pnpm dev` started (its tsx wrapper included), in ms, by context name, 'gateway' and 'dev' ('storefront' for the one process of `--one-process`). */
  cpuMs(): Record<string, number>;
  /** Resident memory of each service's own process (not its tsx wrapper) now, in MB, by the names `cpuMs` uses. */
  rssMb(): Record<string, number>;
  /** Every line the processes printed since `since` (an index into their output). */
  output(since?: number): string[];
  outputLength(): number;
  /** Ctrl-C, as a person would: every service finishes its jobs in flight and stops. */
  stop(): Promise<void>;
}

export type RunningSagaSystem = SagaSystem & { child: ChildProcess };

/** Which service a process of the tree belongs to, by the entry point on its command line. */
function serviceOf(commandLine: string): string | null {
  const entry = /(?:subgraphs\/([a-z0-9-]+)\/src\/main\.ts|gateway\/src\/main\.ts|scripts\/dev\.ts|scripts\/system\/one-process-main\.ts)/.exec(commandLine);
  if (!entry) return null;
  if (entry[1]) return entry[1];
  if (entry[0].includes('one-process')) return 'storefront';
  return entry[0].startsWith('gateway') ? 'gateway' : 'dev';
}

/** Every process of the tree that runs a service, with the service's name. */
function serviceProcesses(root: number): { pid: number; service: string; commandLine: string }[] {
  const found: { pid: number; service: string; commandLine: string }[] = [];
  for (const pid of descendants(root)) {
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    const service = serviceOf(commandLine);
    if (service) found.push({ pid, service, commandLine });
  }
  return found;
}

/** A process's resident memory (VmRSS) in MB; 0 once it is gone. */
function residentMb(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The whole storefront as `pnpm dev` runs it (scripts/dev.ts: databases created, migrated and
 * seeded, then one process per subgraph and one for the gateway), on the plan's own ports,
 * databases and event prefix. Resolves once the gateway is ready.
 */
export async function startSagaSystem(plan: SagaSystemPlan, spawned: (child: ChildProcess) => void = () => {}, deadlineMs = 120_000): Promise<RunningSagaSystem> {
  // Its own process group, so that a bench that fails can still end every process of the tree.
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/dev.ts', ...devArguments(plan.topology)], { cwd: ROOT, env: plan.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  spawned(child);
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) readline.createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const until = Date.now() + deadlineMs;
  while (!lines.some((line) => line.includes(READY))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > until) {
      if (child.exitCode === null) for (const pid of descendants(child.pid!)) signal(pid, 'SIGKILL');
      throw new Error(`pnpm dev did not become ready:\n${lines.slice(-30).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    child,
    gatewayUrl: `http://127.0.0.1:${plan.gatewayPort}/graphql`,
    token: (subject, roles = ['customer']) => issueToken(JWT_SECRET, subject, roles),
    cpuMs() {
      const totals = Object.fromEntries([...CONTEXTS.map(({ name }) => name), 'gateway', 'dev', ...(plan.topology === 'one-process' ? ['storefront'] : [])].map((name) => [name, 0]));
      for (const { pid, service } of serviceProcesses(child.pid!)) totals[service] = (totals[service] ?? 0) + (processCpuMs(pid) || 0);
      return totals;
    },
    rssMb() {
      const totals: Record<string, number> = {};
      // tsx's own CLI process only starts the service's node process: what a deployment would not run.
      for (const { pid, service, commandLine } of serviceProcesses(child.pid!)) if (!commandLine.includes('tsx/dist/cli')) totals[service] = (totals[service] ?? 0) + residentMb(pid);
      return totals;
    },
    output: (since = 0) => lines.slice(since),
    outputLength: () => lines.length,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => {
        if (child.exitCode === null) for (const pid of descendants(child.pid!)) signal(pid, 'SIGKILL');
      }, 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Ends whatever is left of the process tree, drops the run's databases and removes its Redis keys. */
export async function removeSagaSystem(plan: SagaSystemPlan, child: ChildProcess | null): Promise<void> {
  // Each service runs in a process group of its own: every process of the tree, not one group.
  if (child?.pid && child.exitCode === null && child.signalCode === null) for (const pid of descendants(child.pid)) signal(pid, 'SIGKILL');
  await Promise.all(Object.values(plan.databaseUrls).map((url) => dropDatabase(url)));
  await removeEventKeys(plan.events);
}

/** CPU time the whole machine has spent busy (user, nice, system, irq, softirq, steal), in ms; NaN without /proc. */
export function machineBusyMs(): number {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return ((user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * 1000) / 100;
  } catch {
    return NaN;
  }
}
