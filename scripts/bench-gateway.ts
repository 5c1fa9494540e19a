import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { contextEnvName, gatewaySecret, signSubgraphRequest } from '@storefront/platform';
import { clientOperations } from '../test/support/operations';
import { HIVE_GATEWAY, PRODUCT_GATEWAY, startGatewayProcess, type GatewayProcess } from './bench/gateway-processes';
import { interleavedLatencies, load, scenarios, type LoadFigures, type Scenario } from './bench/gateway-load';
import { machineBusyMs, planSagaSystem, removeSagaSystem, startSagaSystem } from './bench/saga-system';
import { backendCpuMs, cpuSince } from './bench/service-cpu';
import { gatewayReport, type Measured } from './bench/gateway-report';
import { asDeployed } from './bench/deployed-posture';
import { CONTEXTS } from './system/contexts';

process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm bench:gateway`: the product's gateway (as deployed, and with its response cache off) and
 * Hive Gateway, each in a process of its own, serving the committed supergraph to the same running
 * subgraphs (`pnpm dev`'s, on the run's own ports and databases), taking turns in one run: each
 * scenario at 1 and at 50 clients, BENCH_ROUNDS rounds (2) of BENCH_SECONDS (5) per gateway, the
 * order rotated every round. The catalog-only query is also sent straight to catalog, and then
 * BENCH_SEQUENTIAL (500) times to every target one request at a time, for the gateways' overhead.
 */
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const settings = { seconds: number('BENCH_SECONDS', 5), rounds: number('BENCH_ROUNDS', 2), sequential: number('BENCH_SEQUENTIAL', 500), clients: [1, 50] };
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const READ_SUBGRAPHS = ['catalog', 'inventory', 'shipping'];

const run = randomBytes(4).toString('hex');
const plan = planSagaSystem(run, SERVER);
Object.assign(plan.env, { RATE_LIMIT_POINTS: '0', RESPONSE_CACHE: 'false', LOG_LEVEL: 'warn' });
// NODE_ENV=production unless BENCH_POSTURE=development (scripts/bench/deployed-posture.ts).
const posture = asDeployed(plan.env);
const began = Date.now();
const progress = (line: string) => console.log(`· ${String(Math.round((Date.now() - began) / 1000)).padStart(4)} s  ${line}`);
let devChild: ChildProcess | null = null;
const gateways: GatewayProcess[] = [];

const post = async (url: string, body: string) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
};

async function main(): Promise<void> {
  progress(`starting the storefront (run ${run}, ${posture} posture)`);
  const system = await startSagaSystem(plan, (child) => (devChild = child));
  const subgraphUrl = (name: string) => `http://127.0.0.1:${plan.env[`${contextEnvName(name)}_PORT`]}/graphql`;
  const env = { ...plan.env, ...Object.fromEntries(CONTEXTS.map(({ name }) => [`${contextEnvName(name)}_URL`, subgraphUrl(name)])) };
  const port = plan.gatewayPort + 100;
  gateways.push(await startGatewayProcess('product', PRODUCT_GATEWAY, port, { ...env, RESPONSE_CACHE: 'true' }));
  gateways.push(await startGatewayProcess('product, no response cache', PRODUCT_GATEWAY, port + 1, env));
  gateways.push(await startGatewayProcess('hive', HIVE_GATEWAY, port + 2, env));
  const uncached = gateways[1]!;

  const listed = (await post(uncached.url, JSON.stringify({ query: '{ products(first: 100) { edges { cursor node { id } } } }' }))) as {
    data: { products: { edges: { cursor: string; node: { id: string } }[] } };
  };
  const edges = listed.data.products.edges;
  const all = scenarios(clientOperations('storefront'), { ids: edges.map((edge) => edge.node.id), pageCursors: [null, ...[24, 49, 74].flatMap((i) => (edges[i] ? [edges[i].cursor] : []))] });

  // The same answer from every gateway, before anything is timed.
  for (const scenario of all) {
    const body = scenario.body();
    const answers = await Promise.all(gateways.map((gateway) => post(gateway.url, body)));
    answers.forEach((answer, i) => {
      if (answer.errors || JSON.stringify(answer.data) !== JSON.stringify(answers[0]!.data)) throw new Error(`${gateways[i]!.name} answered "${scenario.name}" differently: ${JSON.stringify(answer).slice(0, 300)}`);
    });
  }
  progress(`${gateways.map((g) => g.name).join(', ')}: same answers to ${all.length} scenarios; ${os.loadavg()[0]!.toFixed(1)} load average`);

  const secret = gatewaySecret(plan.env);
  // Signed as the gateways sign an anonymous caller's request; the catalog-only scenario's one body is signed once.
  const anonymous = (body: string) => {
    const request = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    return JSON.stringify({ ...request, extensions: signSubgraphRequest(request, null, secret) });
  };
  const signedSingle = anonymous(all[3]!.body());
  const direct = { name: 'straight to catalog', url: subgraphUrl('catalog'), cpuMs: () => 0, scenario: { ...all[3]!, body: () => signedSingle } };
  const targets = (scenario: Scenario) => [...gateways.map((g) => ({ ...g, scenario })), ...(scenario === all[3] ? [direct] : [])];

  const measured: Measured[] = [];
  const busyBefore = machineBusyMs();
  const wallBefore = Date.now();
  let ownCpuMs = 0;
  for (const scenario of all) {
    for (const clients of settings.clients) {
      for (const target of targets(scenario)) await load(target.url, target.scenario, clients, 1);
      for (let round = 0; round < settings.rounds; round += 1) {
        const order = targets(scenario);
        const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
        for (const target of rotated) {
          const cpu = () => ({ gateway: target.cpuMs(), subgraphs: system.cpuMs(), postgres: backendCpuMs(`storefront_bench_${run}_`), own: process.cpuUsage() });
          const before = cpu();
          const figures: LoadFigures = await load(target.url, target.scenario, clients, settings.seconds);
          const after = cpu();
          const ownMs = (after.own.user + after.own.system - before.own.user - before.own.system) / 1000;
          ownCpuMs += ownMs;
          measured.push({
            scenario: scenario.name,
            clients,
            target: target.name,
            figures,
            cpuMs: {
              gateway: after.gateway - before.gateway,
              subgraphs: READ_SUBGRAPHS.reduce((sum, name) => sum + (after.subgraphs[name] ?? 0) - (before.subgraphs[name] ?? 0), 0),
              postgres: cpuSince(before.postgres, after.postgres),
            },
          });
          progress(`${scenario.name}, ${clients} client(s), ${target.name}: ${Math.round(figures.perSecond)} req/s, p50 ${figures.p50} ms`);
        }
      }
    }
  }
  const busy = machineBusyMs() - busyBefore;
  progress(`${settings.sequential} requests of "${all[3]!.name}" to each target, one at a time, taking turns`);
  const latencies = await interleavedLatencies(targets(all[3]!), settings.sequential);
  console.log(gatewayReport(measured, latencies, { seconds: settings.seconds, rounds: settings.rounds, machineBusyShare: busy / ((Date.now() - wallBefore) * os.availableParallelism()), ownCpuMs, busyMs: busy }));
  await system.stop();
}

async function cleanUp(): Promise<void> {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await removeSagaSystem(plan, devChild);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
main()
  .then(cleanUp)
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
