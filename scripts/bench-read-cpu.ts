import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { clientOperations } from '../test/support/operations';
import { planSagaSystem, removeSagaSystem, startSagaSystem } from './bench/saga-system';
import { backendCpuMs, cpuSince } from './bench/service-cpu';
import { asDeployed } from './bench/deployed-posture';
import { describeTopology, storefrontProcesses } from './bench/topology';

/**
 * `pnpm bench:read-cpu`: CPU time per request of each process on the read path, for one query sent
 * one request at a time: the storefront as `pnpm dev` starts it (its own ports, databases and
 * Redis prefix, all removed at the end), the response cache off, BENCH_RUNS (300) requests after
 * 50 warm-up ones. BENCH_QUERY: `list` (ProductList(first: 100), DE) or `product` (the catalog-only
 * product(id) of `pnpm bench:gateway`). BENCH_TOPOLOGY=one-process: the storefront as
 * `pnpm dev --one-process` runs it, its one process's CPU reported. The services run as deployed,
 * NODE_ENV=production, unless BENCH_POSTURE=development (scripts/bench/deployed-posture.ts).
 * BENCH_CPU_PROFILE=<dir>: every process writes a V8 CPU profile there when it stops
 * (scripts/bench/cpu-profile.cjs). Quicker and steadier than `pnpm bench:gateway` for comparing
 * two versions of the code back to back.
 */
const runs = Number(process.env.BENCH_RUNS ?? 300);
const which = process.env.BENCH_QUERY ?? 'list';
if (!Number.isInteger(runs) || runs <= 0) throw new Error('BENCH_RUNS must be a positive integer');
if (which !== 'list' && which !== 'product') throw new Error('BENCH_QUERY must be "list" or "product"');
const run = randomBytes(4).toString('hex');
const plan = planSagaSystem(run, process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432');
Object.assign(plan.env, {
  RATE_LIMIT_POINTS: '0',
  RESPONSE_CACHE: 'false',
  LOG_LEVEL: 'warn',
  ...(process.env.BENCH_CPU_PROFILE ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${require.resolve('./bench/cpu-profile.cjs')}`.trim() } : {}),
});
const posture = asDeployed(plan.env);
let child: ChildProcess | null = null;

async function main(): Promise<void> {
  const system = await startSagaSystem(plan, (spawned) => (child = spawned));
  const post = async (body: string) => {
    const response = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as { data?: { products?: { edges: { node: { id: string } }[] } }; errors?: unknown };
    if (answer.errors) throw new Error(`the query failed: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    return answer;
  };
  const list = JSON.stringify({ query: clientOperations('storefront').ProductList, variables: { first: 100, country: 'DE' } });
  const id = (await post(list)).data!.products!.edges[0]!.node.id;
  const product = JSON.stringify({ query: 'query P($id: ID!) { product(id: $id) { id name price { amount currency formatted } } }', variables: { id } });
  const body = which === 'list' ? list : product;
  for (let i = 0; i < 50; i += 1) await post(body);

  const cpuBefore = system.cpuMs();
  const postgresBefore = backendCpuMs(`storefront_bench_${run}`);
  const started = Date.now();
  for (let i = 0; i < runs; i += 1) await post(body);
  const wallMs = Date.now() - started;
  const cpuAfter = system.cpuMs();
  const perRequest = (name: string) => (cpuAfter[name]! - cpuBefore[name]!) / runs;
  const postgres = cpuSince(postgresBefore, backendCpuMs(`storefront_bench_${run}`)) / runs;
  const processes = storefrontProcesses(plan.topology).map((name) => [name, perRequest(name)] as const);
  const total = processes.reduce((sum, [, ms]) => sum + ms, postgres);
  console.log(`${which === 'list' ? 'ProductList(first: 100)' : 'product(id) { id name price }'}, ${runs} requests one at a time (${posture}), ${(wallMs / runs).toFixed(1)} ms each; load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`CPU ms per request: ${processes.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}, PostgreSQL ${postgres.toFixed(2)}; all ${total.toFixed(2)}`);
  const rss = Object.entries(system.rssMb()).filter(([name]) => name !== 'dev');
  console.log(`${describeTopology(plan.topology)}; resident memory after the runs: ${rss.map(([name, mb]) => `${name} ${mb.toFixed(0)}`).join(', ')}; all ${rss.reduce((sum, [, mb]) => sum + mb, 0).toFixed(0)} MB`);
  await system.stop();
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => removeSagaSystem(plan, child));
