import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { contextEnvName } from '@storefront/platform';
import { planSagaSystem, removeSagaSystem, startSagaSystem, type RunningSagaSystem } from './bench/saga-system';
import { CONTEXTS, ofContext } from './system/contexts';
import { onDatabase, stockByProduct } from './chaos/audit-line';
import { auditSaga, runOrders } from './chaos/audit-saga';
import { auditEvents } from './chaos/audit-events';
import { auditThroughGateway } from './chaos/audit-gateway';
import { chaosReport } from './chaos/chaos-report';
import { FAULT_KINDS, FaultInjector, type FaultKind } from './chaos/faults';
import { OrderStatusWatcher } from './chaos/order-status-watcher';
import { OwnRedis } from './chaos/redis-server';
import { replayProviderFailures, stillMoving } from './chaos/settle';
import { Shoppers, type LoadOutcome } from './chaos/shoppers';
import { setting } from './bench/settings';
import { attempt } from './bench/clean-up';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm chaos`: the whole storefront as `pnpm dev` runs it, on databases, an event prefix and a
 * Redis server of its own, while many customers order through the gateway and faults are injected
 * at random moments: each subgraph's process killed in turn, Redis restarted and taken away for a
 * while, a context's PostgreSQL sessions terminated, the payment provider down for longer than the
 * events' retry budget. Then it waits for everything to settle, audits orders, stock, payments,
 * events and idempotency from the contexts' own databases and through the gateway, prints a report
 * and exits 1 when an audit line fails. Creates and removes everything it uses.
 *
 * Settings: CHAOS_ORDERS (1000), CHAOS_CUSTOMERS (24), CHAOS_ROUNDS (5: each round injects every
 * kind of fault once, and kills CHAOS_KILLS_PER_ROUND subgraphs, all by default), CHAOS_SETTLE_SECONDS
 * (600), CHAOS_REDIS_DOWN_SECONDS (8); EVENTS_ATTEMPTS and EVENTS_BACKOFF_MS are passed on.
 * CHAOS_KEEP_DATABASES=1 keeps the contexts' databases of a run whose audit failed, and writes the
 * storefront's log beside them, for looking into what the audit found (drop them by hand after).
 */
const settings = {
  orders: setting('CHAOS_ORDERS', 1000),
  customers: setting('CHAOS_CUSTOMERS', 24),
  rounds: setting('CHAOS_ROUNDS', 5),
  killsPerRound: setting('CHAOS_KILLS_PER_ROUND', CONTEXTS.length),
  settleSeconds: setting('CHAOS_SETTLE_SECONDS', 600),
  redisDownSeconds: setting('CHAOS_REDIS_DOWN_SECONDS', 8),
};
const SERVER = process.env.CHAOS_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
/** The saga's contexts first: their deaths matter most. */
const KILL_ORDER = ['ordering', 'inventory', 'payments', 'shipping', 'notifications', 'promotions', 'catalog'];

const run = randomBytes(4).toString('hex');
const customerPrefix = `chaos-${run}-`;
const outageFile = path.join(os.tmpdir(), `storefront-chaos-${run}-provider-down`);
const began = Date.now();
const progress = (line: string) => console.log(`· ${String(Math.round((Date.now() - began) / 1000)).padStart(4)} s  ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: OwnRedis | null = null;
let devProcess: ChildProcess | null = null;
let system: RunningSagaSystem | null = null;
let watcher: OrderStatusWatcher | null = null;
let plan: ReturnType<typeof planSagaSystem> | null = null;
let cleaning: Promise<void> | null = null;
/** Set when the audit failed and CHAOS_KEEP_DATABASES asks to keep what it looked at. */
let keepDatabases = false;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    rmSync(outageFile, { force: true });
    await attempt('close the watcher', async () => watcher?.close());
    if (keepDatabases && system && plan) {
      const log = path.join(os.tmpdir(), `storefront-chaos-${run}.log`);
      writeFileSync(log, `${system.output().join('\n')}\n`);
      console.log(`kept for inspection: ${Object.values(plan.databaseUrls).join(' ')}; the storefront's log: ${log}`);
    }
    await attempt('stop the storefront', async () => system?.stop());
    if (!keepDatabases) await attempt('remove the databases and Redis keys', async () => plan && redis && (await redis.up(), await removeSagaSystem(plan, devProcess)));
    await attempt('stop the Redis server', async () => redis?.remove());
  })();
  return cleaning;
}

/** Every kind once per round, the subgraph kills spread over the rounds, in a random order within each round. */
function faultSchedule(): FaultKind[] {
  const schedule: FaultKind[] = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    const kinds: FaultKind[] = [...Array.from({ length: settings.killsPerRound }, (): FaultKind => 'subgraph-killed'), ...FAULT_KINDS.filter((kind) => kind !== 'subgraph-killed')];
    for (let i = kinds.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
    }
    schedule.push(...kinds);
  }
  return schedule;
}

async function main(): Promise<number> {
  redis = await OwnRedis.start();
  plan = planSagaSystem(run, SERVER);
  plan.events = { ...plan.events, redisUrl: redis.url };
  Object.assign(plan.env, {
    REDIS_URL: redis.url,
    // The gateway's rate limit stays on (its Redis goes away too), with room for the run's customers.
    RATE_LIMIT_POINTS: '1000000',
    PAYMENTS_TEST_PROVIDER_OUTAGE_FILE: outageFile,
  });
  delete plan.env.NODE_ENV;
  const { attempts, backoffMs } = plan.events;
  // Exponential backoff: the delays before attempts 2..n add up to backoff × (2^(n−1) − 1).
  const retryBudgetMs = backoffMs * (2 ** (attempts - 1) - 1);
  const providerOutageMs = Math.round(retryBudgetMs * 1.5 + 5000);

  progress(`starting pnpm dev (databases storefront_bench_${run}_*, Redis of its own on :${redis.port}, event prefix ${plan.events.prefix})`);
  system = await startSagaSystem(plan, (child) => (devProcess = child), 240_000);
  const running = system;
  const urls = plan.databaseUrls;

  const stockBefore = await stockByProduct(ofContext(urls, 'inventory'));
  const sold = await onDatabase(ofContext(urls, 'ordering'), async (db) => (await db.query<{ product_id: string }>('SELECT product_id FROM price_list WHERE discontinued_at IS NULL')).rows.map((row) => row.product_id));
  const available = (id: string) => (stockBefore.get(id)?.onHand ?? 0) - (stockBefore.get(id)?.reserved ?? 0);
  const inStock = sold.filter((id) => available(id) > 0);
  const outOfStock = sold.filter((id) => available(id) <= 0);
  progress(`storefront ready: ${inStock.length} products in stock, ${outOfStock.length} without`);

  watcher = new OrderStatusWatcher(ofContext(urls, 'ordering'));
  const shoppers = new Shoppers({ gatewayUrl: running.gatewayUrl, token: running.token, run, orders: settings.orders, customers: settings.customers, inStock, outOfStock, watcher, stepDeadlineMs: 180_000, sagaDeadlineMs: settings.settleSeconds * 1000 });
  const injector = new FaultInjector({
    devPid: running.child.pid!,
    subgraphs: KILL_ORDER.map((name) => ({ name, readyUrl: `http://127.0.0.1:${plan!.env[`${contextEnvName(name)}_PORT`]}/ready` })),
    databaseUrls: Object.fromEntries(KILL_ORDER.map((name) => [name, ofContext(urls, name)])),
    redis,
    providerOutageFile: outageFile,
    providerOutageMs,
    redisUnreachableMs: settings.redisDownSeconds * 1000,
  });
  const replayed: Record<string, number> = {};
  const addReplayed = (more: Record<string, number>) => Object.entries(more).forEach(([type, n]) => (replayed[type] = (replayed[type] ?? 0) + n));

  progress(`${settings.customers} customers placing ${settings.orders} orders; ${settings.rounds} round(s) of faults (provider outages of ${providerOutageMs / 1000} s, retry budget ${retryBudgetMs / 1000} s)`);
  let loadDone = false;
  const schedule = faultSchedule();
  // The orders come in tranches, one per fault and one after the last, so that every fault strikes
  // while customers are ordering: a fault strikes once half of its tranche is placed, and the next
  // tranche is released as it strikes.
  const tranche = settings.orders / (schedule.length + 1);
  shoppers.allow(Math.ceil(tranche));
  const loading = shoppers.run().finally(() => (loadDone = true));
  for (const [index, kind] of schedule.entries()) {
    const threshold = Math.floor(tranche * (index + 0.5) + Math.random() * tranche * 0.5);
    while (!loadDone && shoppers.placed < threshold) await sleep(100);
    shoppers.allow(Math.ceil(tranche * (index + 2)));
    const fault = await injector.inject(kind);
    progress(`fault ${index + 1}/${schedule.length}: ${kind} ${fault.target}, over after ${((fault.recoveredAt - fault.at) / 1000).toFixed(1)} s (${shoppers.placed} orders placed)`);
    if (kind === 'payment-provider-outage') addReplayed(await replayProviderFailures(plan.events));
  }
  shoppers.allow(settings.orders);
  const load: LoadOutcome = await loading;
  progress(`${load.orders.length} orders placed and followed up; waiting for the system to settle`);

  const lastFault = Math.max(...injector.injected.map((fault) => fault.recoveredAt));
  let settleMs: number | null = null;
  const deadline = Date.now() + settings.settleSeconds * 1000;
  let quietSince: number | null = null;
  while (Date.now() < deadline) {
    addReplayed(await replayProviderFailures(plan.events));
    const moving = await stillMoving(urls, plan.events, customerPrefix).catch(() => null);
    const quiet = moving !== null && moving.orders === 0 && moving.unpublished === 0 && moving.jobs === 0;
    if (quiet && quietSince === null) quietSince = Date.now();
    if (!quiet) quietSince = null;
    // Quiet for a few seconds in a row: a job between queues or a retry about to fire would show.
    if (quietSince !== null && Date.now() - quietSince > 3000) {
      settleMs = quietSince - lastFault;
      break;
    }
    await sleep(500);
  }
  progress(settleMs === null ? 'did not settle before the deadline; auditing what is there' : 'settled; auditing');

  const orders = await runOrders(ofContext(urls, 'ordering'), customerPrefix);
  const audit = [
    ...(await auditSaga({ databaseUrls: urls, customerPrefix, orders: load.orders, stockBefore }, orders)),
    ...(await auditEvents(urls, plan.events)).lines,
    await auditThroughGateway(running.gatewayUrl, (subject) => running.token(subject), urls, orders),
  ];
  const statuses: Record<string, number> = {};
  for (const order of orders) statuses[order.status] = (statuses[order.status] ?? 0) + 1;
  const restarts = running.output().filter((line) => line.includes('exited unexpectedly'));
  const statusOf = new Map(orders.map((order) => [order.id, order.status]));
  const races: Record<string, number> = {};
  for (const order of load.orders.filter((candidate) => candidate.raced)) {
    const status = statusOf.get(order.id) ?? 'unknown';
    races[status] = (races[status] ?? 0) + 1;
  }
  console.log(
    `\n${chaosReport({
      settings: { ...settings, attempts, backoffMs, lockDurationMs: plan.events.lockDurationMs, cores: os.availableParallelism(), node: process.version },
      load,
      statuses,
      faults: injector.injected,
      kinds: FAULT_KINDS,
      restarts,
      replayed,
      races,
      settleMs,
      audit,
    })}\n(${((Date.now() - began) / 1000).toFixed(0)} s in all)`,
  );
  const passed = audit.every((line) => line.passed) && settleMs !== null;
  keepDatabases = !passed && process.env.CHAOS_KEEP_DATABASES === '1';
  return passed ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: removing what the run created`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error('chaos failed:', error instanceof Error ? error.stack : error);
    await cleanUp();
    process.exit(1);
  });
