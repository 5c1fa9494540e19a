import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { connectRedis, eventsConfig, type EventsConfig } from '@storefront/messaging';
import { removeEventKeys } from '../test/support/event-bus';
import { benchDatabaseUrls, dropBenchDatabases, prepareBenchDatabases } from './bench/bench-databases';
import { pgbench, redisBenchmark, runningChildren, type PgbenchFigure, type RedisFigure } from './bench/ceilings';
import { startEventPipeline, type EventPipeline, type InventoryPlacement } from './bench/event-pipeline';
import { burst, paced, warmUp, type BurstResult, type PacedResult } from './bench/event-runs';
import { describeDistribution, ms, perSecond, table } from './bench/stats';

process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm bench:events`: how fast a domain event goes from catalog's commit to its effect in
 * inventory on this machine (outbox, NOTIFY, relay, BullMQ, inbox consumer), beside what Redis and
 * PostgreSQL alone manage here. Needs nothing running but PostgreSQL and Redis; creates and drops
 * its own databases and Redis keys. Settings: BENCH_BURST, BENCH_COMMITTERS, BENCH_PACED,
 * BENCH_RATE, BENCH_CEILINGS=0 to skip redis-benchmark and pgbench, BENCH_INVENTORY=own-process to
 * run inventory in its own process (catalog stays in this one), EVENTS_CONCURRENCY.
 */
function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const settings = {
  burst: setting('BENCH_BURST', 2_000),
  committers: setting('BENCH_COMMITTERS', 8),
  paced: setting('BENCH_PACED', 500),
  rate: setting('BENCH_RATE', 50),
  ceilings: process.env.BENCH_CEILINGS !== '0',
  inventory: placement(process.env.BENCH_INVENTORY),
};

function placement(raw: string | undefined): InventoryPlacement {
  if (raw === undefined || raw === '' || raw === 'in-process') return 'in-process';
  if (raw === 'own-process') return 'own-process';
  throw new Error(`BENCH_INVENTORY must be in-process or own-process, got "${raw}"`);
}

const run = randomBytes(4).toString('hex');
const databases = benchDatabaseUrls(SERVER, run);
const events: EventsConfig = { ...eventsConfig(), prefix: `{bench-${run}}` };
const began = Date.now();
const progress = (line: string) => console.log(`· ${String(Math.round((Date.now() - began) / 1000)).padStart(3)} s  ${line}`);

let preparing: Promise<void> | null = null;
let pipeline: EventPipeline | null = null;
let cleaning: Promise<void> | null = null;
let interrupted = false;
/** Everything the run created goes, whether it finished, failed or was interrupted. */
function cleanUp(): Promise<void> {
  const attempt = async (what: string, step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      console.error(`could not ${what}: ${(error as Error).message}`);
    }
  };
  cleaning ??= (async () => {
    for (const child of runningChildren) child.kill('SIGTERM');
    await attempt('stop catalog and inventory', async () => pipeline?.stop());
    // Interrupted while they were being created, they are dropped once that is over.
    await attempt('drop the databases', async () => {
      await preparing?.catch(() => undefined);
      await dropBenchDatabases(databases);
    });
    await attempt(`remove the Redis keys under ${events.prefix}`, () => removeEventKeys(events));
  })();
  return cleaning;
}

async function versions(): Promise<{ postgres: string; redis: string }> {
  const client = new Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version.split(' ')[0]!;
  await client.end();
  const redis = connectRedis(events.redisUrl, 'publisher');
  try {
    await new Promise((resolve) => redis.once('ready', resolve));
    const info = await redis.info('server');
    return { postgres, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?' };
  } finally {
    redis.disconnect();
  }
}

function report(b: BurstResult, p: PacedResult, redis: RedisFigure[], pg: PgbenchFigure | null, v: { postgres: string; redis: string }): string {
  const endToEnd = b.events / b.endToEndSeconds;
  const ratio = (ceiling: number) => `events/s ÷ this = ${(endToEnd / ceiling).toFixed(3)}`;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const rows: string[][] = [
    [`machine: ${os.availableParallelism()} CPUs (${cpu}), ${Math.round(os.totalmem() / 2 ** 20)} MiB RAM, Node ${process.version}, PostgreSQL ${v.postgres}, Redis ${v.redis}`],
    [`load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}${loadBefore[0]! > os.availableParallelism() ? '  (the machine was busy: figures are low and noisy)' : ''}`],
    [
      `EVENTS_CONCURRENCY ${events.concurrency}; ${settings.inventory === 'in-process' ? 'catalog and inventory in this one process' : 'catalog in this process, inventory in its own'}; ` +
        'shipping not running (its queue still receives every event)',
    ],
    [''],
    [`burst: ${b.events} product-created events, committed by ${b.committers} concurrent callers`],
    ['  end to end, first commit → last effect', perSecond(endToEnd, 'events'), `${b.endToEndSeconds.toFixed(2)} s`],
    ['  catalog commits alone', perSecond(b.events / b.commitSeconds, 'commits'), `${b.commitSeconds.toFixed(2)} s`],
    ['  inventory effects alone, first → last', perSecond(b.events / b.effectSeconds, 'events'), `${b.effectSeconds.toFixed(2)} s`],
    ['  latency under the burst (queueing)', describeDistribution(b.latency)],
    ['  CPU per event, Node', ms(b.cpuMsPerEvent.node), 'catalog, its relay, inventory and its consumer together'],
    ['  CPU per event, PostgreSQL and Redis', `${ms(b.cpuMsPerEvent.postgres)} + ${ms(b.cpuMsPerEvent.redis)}`, 'server-wide: includes anything else using them meanwhile'],
    [`paced: ${p.events} events at ${p.ratePerSecond}/s (worst start ${ms(p.worstLagMs)} behind schedule)`],
    ['  latency, commit → effect', describeDistribution(p.latency)],
  ];
  if (redis.length > 0 || pg) rows.push(['ceilings: Redis and PostgreSQL alone on this machine (catalog and inventory stopped)']);
  for (const figure of redis) {
    rows.push([`  redis-benchmark ${figure.test}, ${figure.clients} client${figure.clients === 1 ? '' : 's'}`, perSecond(figure.perSecond, 'requests'), ratio(figure.perSecond)]);
  }
  if (pg) rows.push([`  pgbench TPC-B-like, -s ${pg.scale} -c ${pg.clients} -j ${pg.threads} -T ${pg.seconds}`, perSecond(pg.tps, 'transactions'), ratio(pg.tps)]);
  return table(rows);
}

const loadBefore = os.loadavg();

async function main(): Promise<void> {
  const v = await versions();
  progress(`preparing databases storefront_bench_${run}_catalog and _inventory (migrated, demo warehouses)`);
  preparing = prepareBenchDatabases(databases);
  await preparing;
  pipeline = await startEventPipeline(databases, events, run, settings.inventory);
  progress(`catalog and inventory (${settings.inventory}) running; event prefix ${events.prefix}, EVENTS_CONCURRENCY ${events.concurrency}`);
  await warmUp(pipeline, 50);
  progress(`burst of ${settings.burst} events`);
  const burstResult = await burst(pipeline, settings.burst, settings.committers);
  progress(`${settings.paced} events at ${settings.rate}/s`);
  const pacedResult = await paced(pipeline, settings.paced, settings.rate);
  await pipeline.stop();
  pipeline = null;

  const redis: RedisFigure[] = [];
  let pg: PgbenchFigure | null = null;
  if (settings.ceilings) {
    progress('redis-benchmark');
    redis.push(...(await redisBenchmark(events.redisUrl, ['set', 'lpush'], 50, 100_000)));
    redis.push(...(await redisBenchmark(events.redisUrl, ['set'], 1, 20_000)));
    progress('pgbench (initialise -s 10, then 8 s)');
    pg = await pgbench(databases.pgbench, { scale: 10, clients: 4, threads: 2, seconds: 8 });
  }
  console.log(`\n${report(burstResult, pacedResult, redis, pg, v)}\n\n(${((Date.now() - began) / 1000).toFixed(0)} s in all)`);
}

// Output piped into `head` that has closed must not end the run before it has cleaned up.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// Whatever goes wrong, what the run created goes too.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    if (cleaning) return;
    console.error(`bench:events failed: ${error instanceof Error ? error.message : String(error)}`);
    void cleanUp().finally(() => process.exit(1));
  });
}

// Kept, not once: a signal nobody listens for any more would end the process half cleaned up.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error('\ninterrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(() => cleanUp())
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    // Interrupted, the run fails as its services stop: the signal's handler reports and exits.
    if (interrupted) return;
    console.error(`bench:events failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
