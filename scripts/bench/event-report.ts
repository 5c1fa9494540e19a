import os from 'node:os';
import { ProductCreatedV1, subscribersOf } from '@storefront/events';
import type { EventsBackend } from '@storefront/messaging';
import type { PgbenchFigure, RedisFigure } from './ceilings';
import type { InventoryPlacement } from './event-pipeline';
import type { BurstResult, PacedResult } from './event-runs';
import { describeDistribution, ms, perSecond, table } from './stats';

export interface BenchSetup {
  versions: { postgres: string; redis: string };
  loadBefore: number[];
  concurrency: number;
  inventory: InventoryPlacement;
  backend: EventsBackend;
}

/** The figures as one table, the ceilings beside the events per second they compare with. */
export function eventBenchReport(setup: BenchSetup, b: BurstResult, p: PacedResult, redis: readonly RedisFigure[], pg: PgbenchFigure | null): string {
  const { versions: v, loadBefore } = setup;
  const endToEnd = b.events / b.endToEndSeconds;
  const ratio = (ceiling: number) => `events/s ÷ this = ${(endToEnd / ceiling).toFixed(3)}`;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const rows: string[][] = [
    [`machine: ${os.availableParallelism()} CPUs (${cpu}), ${Math.round(os.totalmem() / 2 ** 20)} MiB RAM, Node ${process.version}, PostgreSQL ${v.postgres}, Redis ${v.redis}`],
    [`load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}${loadBefore[0]! > os.availableParallelism() ? '  (the machine was busy: figures are low and noisy)' : ''}`],
    [
      `queues on ${setup.backend === 'postgres' ? "BullMQ's PostgreSQL backend" : 'Redis'}; EVENTS_CONCURRENCY ${setup.concurrency}; ${setup.inventory === 'in-process' ? 'catalog and inventory in this one process' : 'catalog in this process, inventory in its own'}; ` +
        `${idleSubscribers()} not running (their queues still receive every event)`,
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

/** The other contexts that subscribe to product-created: the relay publishes to their queues too, but nobody consumes them here. */
function idleSubscribers(): string {
  return subscribersOf(ProductCreatedV1.name).filter((context) => context !== 'inventory').join(', ') || 'no other subscriber';
}
