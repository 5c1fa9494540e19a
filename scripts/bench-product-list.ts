import { performance } from 'node:perf_hooks';
import { clientOperations } from '../test/support/operations';

/**
 * `pnpm bench` (with `pnpm dev` running): latency of the storefront's ProductList(first: 100)
 * through the gateway, which fans out to catalog, inventory and shipping, beside the same list
 * asking catalog fields only, so the cost of federation shows as a ratio.
 */
const endpoint = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const runs = Number(process.env.BENCH_RUNS ?? 300);
const CATALOG_ONLY = 'query CatalogOnly($first: Int!) { products(first: $first) { edges { node { id sku name price { amount currency formatted } } } } }';

async function timeQuery(query: string, variables: Record<string, unknown>): Promise<number[]> {
  const body = JSON.stringify({ query, variables });
  const send = async () => {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const result = (await response.json()) as { errors?: unknown[] };
    if (result.errors) throw new Error(`query failed: ${JSON.stringify(result.errors)}`);
  };
  for (let i = 0; i < 30; i += 1) await send();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await send();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const describe = (name: string, s: number[]) =>
  `${name.padEnd(34)} p50 ${percentile(s, 50).toFixed(2)} ms  p90 ${percentile(s, 90).toFixed(2)} ms  p99 ${percentile(s, 99).toFixed(2)} ms  (${runs} sequential requests)`;

async function main(): Promise<void> {
  const federated = await timeQuery(clientOperations('storefront').ProductList!, { first: 100, country: 'DE' });
  const catalogOnly = await timeQuery(CATALOG_ONLY, { first: 100 });
  console.log(`endpoint ${endpoint}`);
  console.log(describe('ProductList(first: 100), 3 subgraphs', federated));
  console.log(describe('catalog fields only (first: 100)', catalogOnly));
  console.log(`ratio federated / catalog-only at p50: ${(percentile(federated, 50) / percentile(catalogOnly, 50)).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
