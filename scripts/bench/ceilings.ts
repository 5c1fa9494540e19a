import { spawn, type ChildProcess } from 'node:child_process';
import { dropDatabase, ensureDatabase } from '@storefront/db-tools';

/** Child processes still running, so that an interrupted benchmark can stop them. */
export const runningChildren = new Set<ChildProcess>();

async function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    runningChildren.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      runningChildren.delete(child);
      reject(new Error(`${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      runningChildren.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${output.trim().split(/\r|\n/).pop()}`));
    });
  });
}

export interface RedisFigure {
  test: string;
  clients: number;
  requests: number;
  perSecond: number;
}

/** `redis-benchmark -q`: "SET: 98039.22 requests per second, p50=0.263 msec", progress lines ending in \r. */
export function parseRedisBenchmark(output: string): Map<string, number> {
  const figures = new Map<string, number>();
  for (const line of output.split(/\r|\n/)) {
    const match = /^([A-Z_]+)(?:\s*\([^)]*\))?:\s*([\d.]+) requests per second/.exec(line.trim());
    if (match) figures.set(match[1]!, Number(match[2]));
  }
  return figures;
}

export async function redisBenchmark(redisUrl: string, tests: readonly string[], clients: number, requests: number): Promise<RedisFigure[]> {
  const url = new URL(redisUrl);
  const args = ['-h', url.hostname, '-p', url.port || '6379', '-q', '-n', String(requests), '-c', String(clients), '-t', tests.join(',')];
  if (url.password) args.push('-a', decodeURIComponent(url.password), '--no-auth-warning');
  const figures = parseRedisBenchmark(await run('redis-benchmark', args));
  return tests.map((test) => {
    const value = figures.get(test.toUpperCase());
    if (value === undefined) throw new Error(`redis-benchmark printed no figure for ${test}`);
    return { test: test.toUpperCase(), clients, requests, perSecond: value };
  });
}

/** `pgbench`: "tps = 1234.567890 (without initial connection time)". */
export function parsePgbenchTps(output: string): number {
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!match) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(match[1]);
}

export interface PgbenchFigure {
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  tps: number;
}

/** pgbench's TPC-B-like transaction (5 statements, 3 updates) on a scratch database it initialises and that is dropped after. */
export async function pgbench(databaseUrl: string, options: Omit<PgbenchFigure, 'tps'>): Promise<PgbenchFigure> {
  const url = new URL(databaseUrl);
  const env = { ...process.env, PGHOST: url.hostname, PGPORT: url.port || '5432', PGUSER: decodeURIComponent(url.username || 'postgres'), PGPASSWORD: decodeURIComponent(url.password) };
  const database = url.pathname.slice(1);
  await ensureDatabase(databaseUrl);
  try {
    await run('pgbench', ['-i', '-q', '-s', String(options.scale), database], env);
    const output = await run('pgbench', ['-c', String(options.clients), '-j', String(options.threads), '-T', String(options.seconds), database], env);
    return { ...options, tps: parsePgbenchTps(output) };
  } finally {
    await dropDatabase(databaseUrl);
  }
}
