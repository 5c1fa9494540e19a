/**
 * How a bench runs the storefront (BENCH_TOPOLOGY): `per-process` (the default, `pnpm dev`: one
 * process per subgraph and one gateway) or `one-process` (`pnpm dev --one-process`, docs/adr/0013).
 */
export type BenchTopology = 'per-process' | 'one-process';

export function benchTopology(env: Record<string, string | undefined> = process.env): BenchTopology {
  const raw = env.BENCH_TOPOLOGY ?? 'per-process';
  if (raw !== 'per-process' && raw !== 'one-process') throw new Error(`BENCH_TOPOLOGY must be "per-process" or "one-process", got "${raw}"`);
  return raw;
}

/** The arguments `pnpm dev` takes for a topology. */
export const devArguments = (topology: BenchTopology): string[] => (topology === 'one-process' ? ['--one-process'] : []);

/** The processes a topology runs the storefront in, as `SagaSystem.cpuMs` names them. */
export const storefrontProcesses = (topology: BenchTopology): string[] => (topology === 'one-process' ? ['storefront'] : ['gateway', 'catalog', 'inventory', 'shipping']);

/** The topology in a report's words. */
export const describeTopology = (topology: BenchTopology): string =>
  topology === 'one-process' ? 'pnpm dev --one-process (every context and the gateway in one process)' : 'pnpm dev in child processes (one per subgraph, one gateway)';
