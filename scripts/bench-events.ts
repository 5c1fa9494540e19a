import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase } from '@storefront/db-tools';
import { connectRedis, eventsConfig, type EventsConfig } from '@storefront/messaging';
import { removeEventKeys } from '../test/support/event-bus';
import { benchDatabaseUrls, dropBenchDatabases, prepareBenchDatabases } from './bench/bench-databases';
import { pgbench, redisBenchmark, runningChildren, type PgbenchFigure, type RedisFigure } from './bench/ceilings';
import { startEventPipeline, type EventPipeline, type InventoryPlacement } from './bench/event-pipeline';
import { burst, paced, warmUp } from './bench/event-runs';
import { eventBenchReport } from './bench/event-report';
import { assertQueuesReachable } from './events/redis-reachability';
import { setting } from './bench/settings';
import { attempt } from './bench/clean-up';

process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm bench:events`: how fast a domain event goes from catalog's commit to its effect in
 * inventory on this machine (outbox, NOTIFY, relay, BullMQ, inbox consumer), beside what Redis and
 * PostgreSQL alone manage here. Needs nothing running but PostgreSQL and Redis; creates and drops
 * its own databases and Redis keys. Settings: BENCH_BURST, BENCH_COMMITTERS, BENCH_PACED,
 * BENCH_RATE, BENCH_CEILINGS=0 to skip redis-benchmark and pgbench, BENCH_INVENTORY=own-process to
 * run inventory in its own process (catalog stays in this one), EVENTS_CONCURRENCY, and
 * EVENTS_BACKEND=postgres for the queues on BullMQ's PostgreSQL backend (in a database of the run's own).
 */
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
const events: EventsConfig = { ...eventsConfig(), prefix: `bench-${run}`, databaseUrl: `${SERVER}/storefront_bench_${run}_events` };
const began = Date.now();
const progress = (line: string) => console.log(`· ${String(Math.round((Date.now() - began) / 1000)).padStart(3)} s  ${line}`);

let preparing: Promise<void> | null = null;
let pipeline: EventPipeline | null = null;
let cleaning: Promise<void> | null = null;
let interrupted = false;
/** Until Redis has answered, the run has no keys to remove. */
let redisReached = false;
/** Everything the run created goes, whether it finished, failed or was interrupted. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of runningChildren) child.kill('SIGTERM');
    await attempt('stop catalog and inventory', async () => pipeline?.stop());
    // Interrupted while they were being created, they are dropped once that is over.
    await attempt('drop the databases', async () => {
      await preparing?.catch(() => undefined);
      await dropBenchDatabases(databases);
      if (events.backend === 'postgres') await dropDatabase(events.databaseUrl);
    });
    // With PostgreSQL queues, the run's queues went with its events database.
    if (redisReached && events.backend === 'redis') await attempt(`remove the Redis keys under ${events.prefix}`, () => removeEventKeys(events));
  })();
  return cleaning;
}

async function versions(): Promise<{ postgres: string; redis: string }> {
  const client = new Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version.split(' ')[0]!;
  await client.end();
  if (events.backend === 'postgres') return { postgres, redis: '(not used)' };
  const redis = connectRedis(events.redisUrl, 'publisher');
  try {
    await new Promise((resolve) => redis.once('ready', resolve));
    const info = await redis.info('server');
    return { postgres, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?' };
  } finally {
    redis.disconnect();
  }
}

const loadBefore = os.loadavg();

async function main(): Promise<void> {
  if (events.backend === 'postgres') await ensureDatabase(events.databaseUrl);
  await assertQueuesReachable(events);
  redisReached = true;
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
    if (events.backend === 'redis') {
      progress('redis-benchmark');
      redis.push(...(await redisBenchmark(events.redisUrl, ['set', 'lpush'], 50, 100_000)));
      redis.push(...(await redisBenchmark(events.redisUrl, ['set'], 1, 20_000)));
    }
    progress('pgbench (initialise -s 10, then 8 s)');
    pg = await pgbench(databases.pgbench, { scale: 10, clients: 4, threads: 2, seconds: 8 });
  }
  const setup = { versions: v, loadBefore, concurrency: events.concurrency, inventory: settings.inventory, backend: events.backend };
  console.log(`\n${eventBenchReport(setup, burstResult, pacedResult, redis, pg)}\n\n(${((Date.now() - began) / 1000).toFixed(0)} s in all)`);
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
