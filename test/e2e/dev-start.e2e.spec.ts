import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dropDatabase } from '@storefront/db-tools';
import { contextEnvName } from '@storefront/platform';
import { CONTEXTS } from '../../scripts/system/contexts';
import { removeEventKeys, testEventsConfig } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '..', '..');
const run = `d${randomBytes(3).toString('hex')}`;
const base = 20_000 + Math.floor(Math.random() * 20_000);
const databaseUrls = CONTEXTS.map(({ name }) => `postgresql://postgres@127.0.0.1:5432/storefront_${run}_${name}`);
const events = testEventsConfig();
const env = {
  ...process.env,
  PORT: String(base),
  LOG_LEVEL: 'info',
  EVENTS_PREFIX: events.prefix,
  ...Object.fromEntries(CONTEXTS.flatMap(({ name, port }, i) => [
    [`${contextEnvName(name)}_PORT`, String(base + port - 4000)],
    [`${contextEnvName(name)}_DATABASE_URL`, databaseUrls[i]!],
  ])),
};

let dev: ChildProcess;
let output = '';

afterAll(async () => {
  if (dev?.exitCode === null) dev.kill('SIGKILL');
  await Promise.all(databaseUrls.map((url) => dropDatabase(url)));
  await removeEventKeys(events);
});

describe('pnpm dev', () => {
  it('creates, migrates and seeds the databases, starts every process, serves the storefront, and stops cleanly', async () => {
    dev = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/dev.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 100_000;
    while (!output.includes('GraphiQL: http://localhost') && dev.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toContain(`GraphiQL: http://localhost:${base}/graphql`);
    for (const name of [...CONTEXTS.map((context) => context.name), 'gateway']) expect(output).toContain(`${name.padEnd(13)}| `);

    const result = await graphql(`http://127.0.0.1:${base}/graphql`, clientOperations('storefront').ProductList!, { first: 60, country: 'DE' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.products.edges).toHaveLength(60);
    expect(result.data!.products.edges[0].node).toMatchObject({ stock: { available: expect.any(Number) }, shippingEstimate: { days: expect.any(Number) } });

    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped');
    await expect(fetch(`http://127.0.0.1:${base}/health`)).rejects.toThrow();
  });
});
