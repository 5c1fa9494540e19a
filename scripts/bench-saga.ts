import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { consumingContexts } from '@storefront/events';
import { listFailedEvents, type FailedEvent } from '@storefront/messaging';
import { Storefront } from '../test/support/storefront-customer';
import { drain, runCustomers, SettlementWatcher, type LoadMode, type LoadResult } from './bench/saga-load';
import { sagaReport } from './bench/saga-report';
import { machineBusyMs, planSagaSystem, removeSagaSystem, startSagaSystem, type RunningSagaSystem, type SagaSystem } from './bench/saga-system';
import { queueTimings } from './bench/saga-queues';
import { sagaTimelines, unansweredOrders } from './bench/saga-timings';
import { ofContext } from './system/contexts';
import { serverCpuMs } from './bench/service-cpu';
import { attempt } from './bench/clean-up';

process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm bench:saga`: the order saga under load on this machine. The storefront runs as `pnpm dev`
 * runs it (one process per subgraph and one gateway, on its own ports, databases and event
 * prefix); customers place orders through the gateway over HTTP with the storefront's own
 * PlaceOrder operation, and each order's way to CONFIRMED is read afterwards from the contexts'
 * own databases. Creates and removes its databases and Redis keys.
 *
 * Settings: BENCH_CUSTOMERS (50), BENCH_SECONDS (30) or BENCH_ORDERS (a fixed total instead),
 * BENCH_MODE (shopper: each customer waits for its order to settle before the next; flood: back
 * to back), BENCH_PRODUCTS (8), BENCH_LINES (2 per order), EVENTS_CONCURRENCY (passed on),
 * BENCH_TOPOLOGY (per-process, or one-process: `pnpm dev --one-process`).
 */
function setting(name: string, fallback: number): number;
function setting(name: string, fallback: null): number | null;
function setting(name: string, fallback: number | null): number | null {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function mode(raw: string | undefined): LoadMode {
  if (raw === undefined || raw === '' || raw === 'shopper') return 'shopper';
  if (raw === 'flood') return 'flood';
  throw new Error(`BENCH_MODE must be shopper or flood, got "${raw}"`);
}

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const settings = {
  customers: setting('BENCH_CUSTOMERS', 50),
  seconds: setting('BENCH_SECONDS', 30),
  orders: setting('BENCH_ORDERS', null),
  mode: mode(process.env.BENCH_MODE),
  products: setting('BENCH_PRODUCTS', 8),
  lines: setting('BENCH_LINES', 2),
};
const DRAIN_MS = 60_000;

const run = randomBytes(4).toString('hex');
const plan = planSagaSystem(run, SERVER);
const began = Date.now();
const progress = (line: string) => console.log(`· ${String(Math.round((Date.now() - began) / 1000)).padStart(3)} s  ${line}`);
const loadBefore = os.loadavg();

let system: RunningSagaSystem | null = null;
/** `pnpm dev`'s process, from the moment it is spawned (before it is ready). */
let devProcess: ChildProcess | null = null;
let watcher: SettlementWatcher | null = null;
let interrupted = false;
let cleaning: Promise<void> | null = null;

/** Everything the run created goes, whether it finished, failed or was interrupted. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await attempt('close the watcher', async () => watcher?.close());
    await attempt('stop the storefront', async () => system?.stop());
    // Ends what is left of the process tree (also a `pnpm dev` still starting), then drops and removes.
    await attempt('remove the databases and Redis keys', () => removeSagaSystem(plan, devProcess));
  })();
  return cleaning;
}

/** CPU ms used so far by each service, by this process, and by PostgreSQL and Redis (server-wide). */
function cpuNow(running: SagaSystem): Record<string, number> {
  const own = process.cpuUsage();
  return { ...running.cpuMs(), bench: (own.user + own.system) / 1000, ...serverCpuMs() };
}

async function main(): Promise<void> {
  progress(`starting pnpm dev (databases storefront_bench_${run}_*, gateway on :${plan.gatewayPort}, event prefix ${plan.events.prefix})`);
  system = await startSagaSystem(plan, (child) => (devProcess = child));
  const running = system;
  progress('storefront ready');

  const storefront = new Storefront(running.gatewayUrl, await running.token('bench-admin', ['admin']));
  const productIds = await Promise.all(
    Array.from({ length: settings.products }, (_, i) => storefront.stockedProduct(`BENCH-${run.toUpperCase()}-${i + 1}`, 1_000_000, 1000 + 100 * i)),
  );
  const tokens = await Promise.all(Array.from({ length: settings.customers }, (_, i) => running.token(`bench-customer-${i + 1}`)));
  await storefront.placeOrderOnceSellable(tokens[0]!, productIds.map((productId) => ({ productId, quantity: 1 })));
  progress(`${settings.products} products with 1,000,000 units each, sold by ordering`);

  watcher = new SettlementWatcher(ofContext(plan.databaseUrls, 'ordering'), settings.mode === 'shopper' ? 20 : 250);
  const stopped = () => interrupted;
  const common = { storefront, tokens, productIds, linesPerOrder: settings.lines, watcher, stopped };
  // One order per customer first, so that connections, pools and JIT are warm; not counted.
  const warm = await runCustomers({ ...common, mode: 'shopper', orders: settings.customers, seconds: 60 });
  await drain(watcher, warm.placed.map((order) => order.id), DRAIN_MS);
  progress(`warm-up: ${warm.placed.length} orders settled`);

  const what = settings.orders === null ? `for ${settings.seconds} s` : `${settings.orders} orders`;
  progress(`${settings.customers} customers placing orders ${what} (${settings.mode})`);
  const outputFrom = running.outputLength();
  const cpuBefore = cpuNow(running);
  const machineBefore = machineBusyMs();
  const cpuFrom = Date.now();
  const load: LoadResult = await runCustomers({ ...common, mode: settings.mode, orders: settings.orders, seconds: settings.seconds });
  progress(`${load.placed.length} orders placed; waiting for the saga to settle them`);
  const unsettledAtEnd = await drain(watcher, load.placed.map((order) => order.id), DRAIN_MS);
  const cpuAfter = cpuNow(running);
  const machineMs = machineBusyMs() - machineBefore;
  const cpuWindowMs = Date.now() - cpuFrom;
  const drainedAt = Date.now();

  const timelines = await sagaTimelines(plan.databaseUrls, load.placed);
  const unanswered = await unansweredOrders(ofContext(plan.databaseUrls, 'ordering'), load.startedAt, load.placed);
  const lastSettled = Math.max(load.stoppedAt, ...timelines.map((order) => order.confirmedAt ?? 0));
  const queues = await queueTimings(plan.events, consumingContexts(), new Set(load.placed.map((order) => order.id)));
  const failed: FailedEvent[] = await listFailedEvents(plan.events, consumingContexts());
  const serviceOutput = running.output(outputFrom);
  const rssMb = running.rssMb();
  progress('stopping the storefront');
  await cleanUp();

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `\n${sagaReport({
      machine: `${os.availableParallelism()} CPUs (${cpu}), ${Math.round(os.totalmem() / 2 ** 20)} MiB RAM, Node ${process.version}`,
      loadBefore,
      cores: os.availableParallelism(),
      customers: settings.customers,
      mode: settings.mode,
      linesPerOrder: Math.min(settings.lines, settings.products),
      products: settings.products,
      eventsConcurrency: plan.events.concurrency,
      load,
      timelines,
      unsettledAtEnd,
      unanswered,
      cpuMs: Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, cpuAfter[name]! - cpuBefore[name]!])),
      machineCpuMs: machineMs,
      cpuWindowMs,
      wallMs: (unsettledAtEnd > 0 ? drainedAt : lastSettled) - load.startedAt,
      queues,
      failed,
      serviceOutput,
      topology: plan.topology,
      rssMb,
    })}\n\n(${((Date.now() - began) / 1000).toFixed(0)} s in all)`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the customers and removing what the run created`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    if (interrupted) return;
    console.error('bench:saga failed:', error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
