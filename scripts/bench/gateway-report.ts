import type { LoadFigures } from './gateway-load';
import { distribution, table } from './stats';

/** One timed run: a scenario, a number of clients, a target, what it did and the CPU it cost. */
export interface Measured {
  scenario: string;
  clients: number;
  target: string;
  figures: LoadFigures;
  /** CPU time during the run: the target gateway's process, catalog + inventory + shipping, the run's PostgreSQL backends. */
  cpuMs: { gateway: number; subgraphs: number; postgres: number };
}

interface Summary {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  gateway: number;
  subgraphs: number;
  postgres: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function summarise(runs: Measured[]): Summary {
  const requests = runs.reduce((sum, run) => sum + run.figures.requests, 0);
  const perRequest = (key: keyof Measured['cpuMs']) => runs.reduce((sum, run) => sum + run.cpuMs[key], 0) / Math.max(1, requests);
  return {
    perSecond: mean(runs.map((run) => run.figures.perSecond)),
    p50: mean(runs.map((run) => run.figures.p50)),
    p99: mean(runs.map((run) => run.figures.p99)),
    requests,
    failures: runs.reduce((sum, run) => sum + run.figures.failures, 0),
    gateway: perRequest('gateway'),
    subgraphs: perRequest('subgraphs'),
    postgres: perRequest('postgres'),
  };
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** The bench's printout: a table per scenario and number of clients, the ratios, and the targets. */
export function gatewayReport(measured: Measured[], latencies: Map<string, number[]>, run: { seconds: number; rounds: number; machineBusyShare: number; ownCpuMs: number; busyMs: number }): string {
  const groups = new Map<string, Map<string, Summary>>();
  const keys = [...new Set(measured.map((m) => `${m.scenario}|${m.clients}`))];
  for (const key of keys) {
    const byTarget = new Map<string, Summary>();
    for (const target of new Set(measured.filter((m) => `${m.scenario}|${m.clients}` === key).map((m) => m.target))) {
      byTarget.set(target, summarise(measured.filter((m) => `${m.scenario}|${m.clients}` === key && m.target === target)));
    }
    groups.set(key, byTarget);
  }
  const rows: string[][] = [['target', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/request: gateway', 'subgraphs', 'PostgreSQL', 'all', 'failed']];
  for (const [key, byTarget] of groups) {
    const [scenario, clients] = key.split('|');
    rows.push([`${scenario} — ${clients} client(s)`]);
    for (const [target, s] of byTarget) {
      rows.push([`  ${target}`, f(s.perSecond, 0), f(s.p50), f(s.p99), f(s.gateway, 2), f(s.subgraphs, 2), f(s.postgres, 2), f(s.gateway + s.subgraphs + s.postgres, 2), String(s.failures)]);
    }
    const product = byTarget.get('product');
    const uncached = byTarget.get('product, no response cache');
    const hive = byTarget.get('hive');
    if (product && uncached && hive) {
      rows.push([`  req/s ratio: product / hive ${f(product.perSecond / hive.perSecond, 2)}×, without the response cache ${f(uncached.perSecond / hive.perSecond, 2)}×`]);
    }
    const direct = byTarget.get('straight to catalog');
    if (direct && uncached && hive) {
      rows.push([`  p50 over the direct call: product ${f(uncached.p50 - direct.p50, 2)} ms (no response cache), ${f((product?.p50 ?? NaN) - direct.p50, 2)} ms (cache), hive ${f(hive.p50 - direct.p50, 2)} ms`]);
    }
  }
  const at = (scenario: string, clients: number, target: string) => groups.get(`${scenario}|${clients}`)?.get(target);
  const scenarios = [...new Set(measured.map((m) => m.scenario))];
  const [identical, varied, , single] = scenarios as [string, string, string, string];
  const ratio = (scenario: string) => (at(scenario, 50, 'product')?.perSecond ?? NaN) / (at(scenario, 50, 'hive')?.perSecond ?? NaN);
  const uncachedList = at(identical, 1, 'product, no response cache');
  const listCpu = uncachedList ? uncachedList.gateway + uncachedList.subgraphs + uncachedList.postgres : NaN;
  const sequential = new Map([...latencies].map(([target, samples]) => [target, distribution(samples)]));
  const direct = sequential.get('straight to catalog')?.p50 ?? NaN;
  const overhead = (sequential.get('product, no response cache')?.p50 ?? NaN) - direct;
  const latencyRows = [['target', 'p50 ms', 'p90 ms', 'p99 ms', 'p50 over the direct call'], ...[...sequential].map(([target, d]) => [`  ${target}`, f(d.p50, 2), f(d.p90, 2), f(d.p99, 2), target === 'straight to catalog' ? '' : `${f(d.p50 - direct, 2)} ms`])];
  const targets = [
    ['ProductList identical, 50 clients: product / hive req/s ≥ 1.5', `${f(ratio(identical), 2)}×`, verdict(ratio(identical) >= 1.5)],
    ['ProductList varied, 50 clients: product / hive req/s ≥ 1.0', `${f(ratio(varied), 2)}×`, verdict(ratio(varied) >= 1.0)],
    ['CPU per uncached ProductList(first: 100), gateway + subgraphs + PostgreSQL ≤ 20 ms (1 client, no response cache)', `${f(listCpu)} ms`, verdict(listCpu <= 20)],
    ['gateway overhead at p50 over the direct catalog call ≤ 2 ms (one at a time, no response cache)', `${f(overhead, 2)} ms`, verdict(overhead <= 2)],
  ];
  return [
    '',
    `${run.rounds} rounds of ${run.seconds} s per target, scenario and number of clients, targets taking turns; figures are means over the rounds.`,
    'CPU per request (/proc): the gateway process, the catalog + inventory + shipping processes, the PostgreSQL backends of the run\'s databases.',
    `The machine was ${f(run.machineBusyShare * 100, 0)} % busy during the timed runs; the load generator itself (this process) took ${f((run.ownCpuMs / Math.max(1, run.busyMs)) * 100, 0)} % of that.`,
    '',
    table(rows),
    '',
    `"${single}", one request at a time, the targets taking turns request by request (${latencies.values().next().value?.length ?? 0} each):`,
    table(latencyRows),
    '',
    table([['target', 'measured', ''], ...targets]),
  ].join('\n');
}
