import type { FailedEvent } from '@storefront/messaging';
import type { LoadMode, LoadResult } from './saga-load';
import type { QueueTiming } from './saga-queues';
import type { SagaTimeline } from './saga-timings';
import { describeDistribution, distribution, ms, table } from './stats';
import { describeTopology, type BenchTopology } from './topology';

export interface SagaRun {
  machine: string;
  loadBefore: readonly number[];
  cores: number;
  customers: number;
  mode: LoadMode;
  linesPerOrder: number;
  products: number;
  eventsConcurrency: number;
  load: LoadResult;
  timelines: SagaTimeline[];
  /** Orders still short of a settled status when the run gave up waiting. */
  unsettledAtEnd: number;
  /** Orders ordering committed whose placeOrder answer the customer never got, by status. */
  unanswered: Map<string, number>;
  /** CPU ms used during the measured window: each service of `pnpm dev`, this process, PostgreSQL and Redis. */
  cpuMs: Record<string, number>;
  /** CPU time the whole machine was busy during the measured window, in ms. */
  machineCpuMs: number;
  /** How long the CPU figures were counted: the placing and the drain. */
  cpuWindowMs: number;
  /** From the first placeOrder sent to the last order settled (or the end of the drain). */
  wallMs: number;
  queues: QueueTiming[];
  failed: FailedEvent[];
  serviceOutput: string[];
  /** How `pnpm dev` ran the storefront (BENCH_TOPOLOGY); per-process when absent. */
  topology?: BenchTopology;
  /** Resident memory of each service's process at the end of the load, in MB. */
  rssMb?: Record<string, number>;
}

const present = (values: readonly (number | null)[]): number[] => values.filter((value): value is number => value !== null && Number.isFinite(value));

/** A distribution line, or what is missing. */
function spread(samples: readonly number[]): string {
  return samples.length === 0 ? 'no samples' : `${describeDistribution(distribution(samples))}  (${samples.length})`;
}

/** The services' resident memory, the supervising `pnpm dev` left out. */
function residentMemoryRow(rssMb: Record<string, number>): string[] {
  const services = Object.entries(rssMb).filter(([name]) => name !== 'dev');
  const total = services.reduce((sum, [, mb]) => sum + mb, 0);
  return [`resident memory at the end of the load: ${total.toFixed(0)} MB (${services.map(([name, mb]) => `${name} ${mb.toFixed(0)}`).join(', ')})`];
}

export function sagaReport(run: SagaRun): string {
  const { load, timelines } = run;
  const count = (status: string) => timelines.filter((order) => order.status === status).length;
  const confirmed = timelines.filter((order) => order.confirmedAt !== null);
  const refusals = [...load.refused.entries()].map(([reason, times]) => `${times} × ${reason}`).join(', ') || 'none';
  const wallSeconds = run.wallMs / 1000;
  const whilePlacing = confirmed.filter((order) => order.confirmedAt! <= load.stoppedAt).length;
  const afterwards = confirmed.length - whilePlacing;
  const placingSeconds = (load.stoppedAt - load.startedAt) / 1000;
  const cores = run.cores * run.cpuWindowMs;
  const cpuRows = (Object.entries(run.cpuMs) as [string, number][])
    .filter(([, used]) => Number.isFinite(used) && used > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, used]) => [`  ${name}${name === 'postgres' || name === 'redis' ? ' (server-wide)' : ''}`, `${(used / Math.max(1, confirmed.length)).toFixed(2)} ms/order`, `${((100 * used) / cores).toFixed(1)} % of ${run.cores} cores`]);
  const totalCpu = Object.values(run.cpuMs).reduce((sum, used) => sum + (Number.isFinite(used) ? used! : 0), 0);
  const hop = (from: (o: SagaTimeline) => number | null, to: (o: SagaTimeline) => number | null) =>
    spread(present(confirmed.map((order) => (from(order) === null || to(order) === null ? null : to(order)! - from(order)!))));

  const rows: string[][] = [
    [`machine: ${run.machine}`],
    [`load average before the run: ${run.loadBefore.map((l) => l.toFixed(2)).join(' ')}${run.loadBefore[0]! > run.cores ? '  (the machine was busy: figures are low and noisy)' : ''}`],
    [
      `${describeTopology(run.topology ?? 'per-process')}; EVENTS_CONCURRENCY ${run.eventsConcurrency}; ${run.products} products, ` +
        `${run.linesPerOrder} line${run.linesPerOrder === 1 ? '' : 's'} of one unit per order; mode ${run.mode}`,
    ],
    [''],
    ['customers', String(run.customers)],
    ['orders placed', `${load.placed.length} in ${placingSeconds.toFixed(1)} s${load.refused.size ? `  (placeOrder refused: ${refusals})` : ''}`],
    ['  confirmed', String(count('CONFIRMED'))],
    ['  rejected (stock) / cancelled (payment)', `${count('REJECTED')} / ${count('CANCELLED')}`],
    ...(run.unanswered.size > 0
      ? [['  also committed, answer lost', [...run.unanswered].map(([status, n]) => `${n} ${status}`).join(', '), 'placeOrder failed at the gateway but ordering had placed the order']]
      : []),
    ['  not settled at the end', `${run.unsettledAtEnd}${load.unsettled ? ` (shoppers gave up waiting on ${load.unsettled})` : ''}`],
    ['wall time', `${wallSeconds.toFixed(1)} s`, 'first placeOrder sent → last order settled'],
    ['confirmed orders/s', (confirmed.length / wallSeconds).toFixed(1)],
    ['  while customers were placing', (whilePlacing / placingSeconds).toFixed(1), `${whilePlacing} confirmed before the last placeOrder returned`],
    ...(afterwards > 0 ? [['  after they stopped', (afterwards / Math.max(0.001, (run.wallMs - (load.stoppedAt - load.startedAt)) / 1000)).toFixed(1), `${afterwards} confirmed while the backlog drained`]] : []),
    ['placeOrder HTTP latency', spread(load.placed.map((order) => order.returnedAt - order.sentAt))],
    ['placeOrder returned → CONFIRMED', spread(present(confirmed.map((order) => order.confirmedAt! - order.returnedAt)))],
    ['where the time goes (confirmed orders)'],
    ['  placeOrder sent → order row committed', hop((o) => o.sentAt, (o) => o.placedAt), 'gateway, ordering'],
    ['  placed → stock reserved', hop((o) => o.placedAt, (o) => o.reservedAt), 'hop 1: ordering relay, inventory queue + transaction'],
    ['    of which ordering relay', hop((o) => o.placedAt, (o) => o.placedPublishedAt)],
    ['  reserved → payment authorized', hop((o) => o.reservedAt, (o) => o.authorizedAt), 'hop 2: inventory relay, payments queue + transaction'],
    ['    of which inventory relay', hop((o) => o.reservedAt, (o) => o.reservedPublishedAt)],
    ['  authorized → CONFIRMED', hop((o) => o.authorizedAt, (o) => o.confirmedAt), 'hop 3: payments relay, ordering queue + transaction'],
    ['    of which payments relay', hop((o) => o.authorizedAt, (o) => o.authorizedPublishedAt)],
    ['queues, over the measured orders\' jobs', 'waiting: added → taken by a worker', 'handling: taken → done (inbox + handler transaction)'],
    ...run.queues
      .filter((queue) => queue.jobs > 0)
      .flatMap((queue) => [
        [
          `  ${queue.queue} (${queue.jobs} jobs${queue.retried ? `, ${queue.retried} retried` : ''})`,
          `p50 ${ms(queue.wait.p50)}  p99 ${ms(queue.wait.p99)}`,
          `p50 ${ms(queue.handle.p50)}  p99 ${ms(queue.handle.p99)}`,
        ],
        ...[...queue.retryReasons].slice(0, 5).map(([reason, times]) => [`    retried ${times} ×: ${reason.slice(0, 160)}`]),
      ]),
    [`CPU during the run: ${(totalCpu / 1000).toFixed(1)} s of ${(cores / 1000).toFixed(1)} core-seconds (${((100 * totalCpu) / cores).toFixed(0)} %)`],
    ...cpuRows,
    ...(Number.isFinite(run.machineCpuMs)
      ? [['  everything else on the machine', '', `${Math.max(0, (100 * (run.machineCpuMs - totalCpu)) / cores).toFixed(1)} % of ${run.cores} cores  (above a few %, the figures are low and noisy)`]]
      : []),
    ...(run.rssMb ? [residentMemoryRow(run.rssMb)] : []),
    [`failed events under the run's prefix: ${run.failed.length}`],
    ...run.failed.slice(0, 5).map((event) => [`  ${event.queue}`, event.type, `${event.attempts} attempt(s): ${event.lastError}`]),
    [`service output during the run: ${run.serviceOutput.length} line${run.serviceOutput.length === 1 ? '' : 's'}`],
    ...run.serviceOutput.slice(0, 10).map((line) => [`  ${line.slice(0, 200)}`]),
  ];
  return table(rows);
}
