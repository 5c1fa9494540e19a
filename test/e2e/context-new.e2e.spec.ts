import path from 'node:path';
import { Client } from 'pg';
import { readContextDeclarations } from '@storefront/platform';
import { issueToken } from '../../gateway/src/auth/tokens';
import { CheckoutCopy, type CommandResult } from '../support/checkout-copy';
import { DevProcess } from '../support/dev-process';
import { graphql } from '../support/graphql-client';

/**
 * `pnpm context:new reviews` in a copy of this checkout gives a context that installs, passes the
 * static checks and its own tests, composes, migrates, starts under `pnpm dev` and answers through
 * the gateway, touching no more than two existing files outside its own folders.
 */
jest.setTimeout(900_000);

const NEW_CONTEXT_FOLDERS = ['subgraphs/reviews/', 'prisma/reviews/'];
const JWT_SECRET = 'context-new-test-jwt-secret-0123456789';

let copy: CheckoutCopy;
let dev: DevProcess | undefined;

/** A command that must succeed; its output is in the failure message when it does not. */
function succeeds(result: CommandResult): void {
  expect({ status: result.status, output: result.status === 0 ? '' : result.output }).toEqual({ status: 0, output: '' });
}

beforeAll(() => {
  copy = new CheckoutCopy(path.resolve(__dirname, '..', '..'));
  succeeds(copy.run('pnpm', ['install', '--frozen-lockfile', '--offline']));
});

afterAll(async () => {
  await dev?.cleanUp();
  copy?.remove();
});

describe('pnpm context:new reviews', () => {
  it('writes the context with the next free port; after pnpm install it passes types, lint, boundaries, its own tests and the checks every context passes', () => {
    const highestPort = Math.max(...readContextDeclarations(copy.root).map((context) => context.port));

    succeeds(copy.run('pnpm', ['context:new', 'reviews']));
    // A new workspace package changes the lockfile; pnpm would refuse that by default where CI is set.
    succeeds(copy.run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline']));

    expect(readContextDeclarations(copy.root).find((context) => context.name === 'reviews')).toEqual({
      name: 'reviews',
      port: highestPort + 1,
      publishes: true,
      consumes: true,
      demoData: false,
    });
    succeeds(copy.run('pnpm', ['schema:types', '--check']));
    succeeds(copy.run('pnpm', ['typecheck']));
    succeeds(copy.run('pnpm', ['lint']));
    // Its unit and integration tests; its migrations against its schema.prisma; its declaration against its files.
    succeeds(copy.run('pnpm', ['exec', 'jest', 'subgraphs/reviews', 'packages/db-tools/test/drift.test.ts', 'scripts/system/contexts.spec.ts', '-t', 'review|Review']));
  });

  it('composes, migrates, starts under pnpm dev and answers through the gateway; outside its folders at most 2 files change', async () => {
    succeeds(copy.run('pnpm', ['schema:compose']));
    const contexts = readContextDeclarations(copy.root);
    dev = new DevProcess(copy.root, contexts, { JWT_SECRET, JWT_ISSUER: '', JWT_AUDIENCE: '' });

    await dev.start();

    expect(dev.output).toContain(`GraphiQL: http://localhost:${dev.base}/graphql`);
    expect(dev.output).toMatch(/reviews: database created, applied \d{14}_init/);
    expect(dev.output).toContain(`${'reviews'.padEnd(13)}| `);
    await expect(outboxTrigger(dev.databaseUrls.reviews!)).resolves.toEqual(['outbox_inserted']);

    const admin = await issueToken(JWT_SECRET, 'admin-1', ['customer', 'admin']);
    const created = await graphql(dev.gatewayUrl, 'mutation ($name: String!) { createReview(input: { name: $name }) { review { id name } errors { code } } }', { name: 'First' }, admin);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createReview.review.id as string;
    const read = await graphql(dev.gatewayUrl, 'query ($id: ID!) { review(id: $id) { id name createdAt } }', { id });
    expect(read).toMatchObject({ status: 200, data: { review: { id, name: 'First', createdAt: expect.any(String) } } });
    expect(read.errors).toBeUndefined();

    expect(await dev.interrupt()).toBe(0);
    const outside = copy.changedFiles().filter((file) => !NEW_CONTEXT_FOLDERS.some((folder) => file.startsWith(folder)));
    // The lockfile gains the new package, the supergraph the new subgraph: nothing else may change.
    expect(outside).toEqual(['gateway/supergraph.graphql', 'pnpm-lock.yaml']);
  });
});

/** The triggers on the new context's outbox table: the relay is woken by its NOTIFY. */
async function outboxTrigger(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal`);
    return rows.map((row) => row.tgname);
  } finally {
    await client.end();
  }
}
