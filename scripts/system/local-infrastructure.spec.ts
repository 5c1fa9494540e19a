import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { contextEnvName } from '@storefront/platform';
import { CONTEXTS } from './contexts';
import { provideInfrastructure } from './local-infrastructure';
import { freePort } from '../../test/support/local-servers';

const run = promisify(execFile);

jest.setTimeout(120_000);

/** Addresses where nothing answers: port 1 on loopback refuses at once. */
const NOTHING = { postgres: 'postgresql://postgres@127.0.0.1:1', redis: 'redis://127.0.0.1:1' };
const MACHINE = { postgres: 'postgresql://postgres@127.0.0.1:5432', redis: 'redis://127.0.0.1:6379' };


function said(): { lines: string[]; say: (line: string) => void } {
  const lines: string[] = [];
  return { lines, say: (line) => lines.push(line) };
}

describe('what pnpm dev runs on', () => {
  it('uses the PostgreSQL and Redis that answer at the standard addresses, and changes nothing', async () => {
    const env: NodeJS.ProcessEnv = {};
    const { lines, say } = said();
    const infrastructure = await provideInfrastructure(env, { embedded: false, say, defaults: MACHINE });
    await infrastructure.stop();
    expect(lines).toEqual(['PostgreSQL: the server at 127.0.0.1:5432', 'queues: Redis at redis://127.0.0.1:6379 (it answers)']);
    expect(env).toEqual({ EVENTS_BACKEND: 'redis' });
  });

  it('starts an embedded PostgreSQL and puts the queues and the rate limit in it when neither answers', async () => {
    const dataParent = mkdtempSync(path.join(tmpdir(), 'storefront-infrastructure-'));
    const port = await freePort();
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'provide-infrastructure.ts'), NOTHING.postgres, NOTHING.redis], {
        cwd: path.resolve(__dirname, '..', '..'),
        env: { ...process.env, EMBEDDED_DATA_DIR: path.join(dataParent, 'postgres'), EMBEDDED_POSTGRES_PORT: String(port) },
      });
      const { lines, env, version } = JSON.parse(stdout) as { lines: string[]; env: NodeJS.ProcessEnv; version: string };
      expect(lines[0]).toMatch(new RegExp(`^PostgreSQL: none answers at 127\\.0\\.0\\.1:1, so an embedded server on 127\\.0\\.0\\.1:${port} \\(created in .*, up in [0-9.]+ s\\)$`));
      expect(lines[1]).toBe("queues: BullMQ's PostgreSQL backend in storefront_events (no Redis answers at 127.0.0.1:1)");
      const embedded = `postgresql://postgres:storefront-dev@127.0.0.1:${port}`;
      for (const { name } of CONTEXTS) expect(env[`${contextEnvName(name)}_DATABASE_URL`]).toBe(`${embedded}/storefront_${name}`);
      expect(env).toMatchObject({ EVENTS_BACKEND: 'postgres', EVENTS_DATABASE_URL: `${embedded}/storefront_events`, RATE_LIMIT_DATABASE_URL: `${embedded}/storefront_events`, RESPONSE_CACHE: 'false' });
      expect(version).toMatch(/^18\./);
    } finally {
      rmSync(dataParent, { recursive: true, force: true });
    }
  });

  it('refuses an address that is configured but does not answer, rather than choosing something else', async () => {
    const { say } = said();
    await expect(provideInfrastructure({ REDIS_URL: 'redis://127.0.0.1:1' }, { embedded: false, say, defaults: MACHINE })).rejects.toThrow(
      'no Redis answers at redis://127.0.0.1:1 (REDIS_URL is set); start it, or unset it to let pnpm dev choose',
    );
    await expect(provideInfrastructure({ EVENTS_BACKEND: 'kafka' }, { embedded: false, say, defaults: MACHINE })).rejects.toThrow('EVENTS_BACKEND must be one of redis, postgres, got "kafka"');
    await expect(provideInfrastructure({ CATALOG_DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x' }, { embedded: true, say, defaults: MACHINE })).rejects.toThrow(
      '--embedded runs every database on its own server, but CATALOG_DATABASE_URL is set',
    );
  });
});
