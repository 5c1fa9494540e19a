import { execFile, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Servers of a test's own, started from the machine's Debian binaries: a Redis Cluster, a second
 * PostgreSQL server. Each is stopped and its files removed by `stop`, whatever the test did.
 */
export interface LocalServer {
  /** Its address, as a context's settings take it (`REDIS_URL`, `<CONTEXT>_DATABASE_URL`'s server). */
  url: string;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A port that is free now, with `port + offset` free too (a cluster node's bus listens 10000 above
 * its port), between 20000 and 21999 (bus ports up to 31999): below Linux's ephemeral range.
 */
export async function freePort(offset = 0): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 2_000);
    if ((await portIsFree(port)) && (offset === 0 || (await portIsFree(port + offset)))) return port;
  }
}

async function waitUntil(probe: () => Promise<boolean>, what: string, deadlineMs = 20_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`still waiting after ${deadlineMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Redis Cluster of `masters` masters and no replicas; its url lists every master. */
export async function startRedisCluster(masters = 3): Promise<LocalServer & { ports: number[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-redis-cluster-'));
  const ports: number[] = [];
  const stop = async () => {
    for (const port of ports) spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { timeout: 5_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let index = 0; index < masters; index += 1) {
      const port = await freePort(10_000);
      ports.push(port);
      await run('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
        '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--dir', dir,
        '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--logfile', path.join(dir, `${port}.log`),
      ]);
    }
    for (const port of ports) await waitUntil(async () => (await run('redis-cli', ['-p', String(port), 'ping']).catch(() => ({ stdout: '' }))).stdout.trim() === 'PONG', `redis-server on ${port}`);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
    await waitUntil(async () => {
      const states = await Promise.all(ports.map((port) => run('redis-cli', ['-p', String(port), 'cluster', 'info']).then(({ stdout }) => stdout, () => '')));
      return states.every((info) => info.includes('cluster_state:ok'));
    }, 'the cluster to be ok on every node');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: ports.map((port) => `redis://127.0.0.1:${port}`).join(','), ports, stop };
}

/**
 * A second PostgreSQL server (Debian's binaries, the newest installed major), trust auth for user
 * `postgres`, on a free port, its data in a temporary directory. Run as root, its processes run as
 * the `postgres` system user, as PostgreSQL requires.
 */
export async function startPostgresServer(): Promise<LocalServer & { port: number }> {
  const versions = spawnSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  const bin = (name: string) => `/usr/lib/postgresql/${versions[0]}/bin/${name}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-postgres-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(ids), Number(group));
  }
  const asPostgres = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));
  const port = await freePort();
  const stop = async () => {
    await asPostgres(bin('pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres(bin('initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await asPostgres(bin('pg_ctl'), ['-D', data, '-w', '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}`, port, stop };
}
