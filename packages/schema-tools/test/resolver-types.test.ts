import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolverTypesFile, subgraphSdlFile } from '../src';

/**
 * `pnpm schema:types` as a subgraph team runs it. In a child process: GraphQL Code Generator's
 * plugins need ESM-only packages that jest's module loader cannot require on Node 20.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

async function schemaTypes(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [path.join(ROOT, 'scripts', 'generate-resolver-types.ts'), ...args], { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the committed resolver types', () => {
  it('are exactly what generating them from each subgraph\'s SDL gives (run `pnpm schema:types` after an SDL change)', async () => {
    const { code, output } = await schemaTypes('--check');
    expect(output).toMatch(/are up to date/);
    expect(code).toBe(0);
  });
});

describe('pnpm schema:types, in a copy of one subgraph', () => {
  let copy: string;
  const graphqlDir = path.dirname(subgraphSdlFile('payments'));
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'resolver-types-'));
    cpSync(path.join(ROOT, graphqlDir), path.join(copy, graphqlDir), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('tells a stale file after an SDL change, and writes the field the SDL gained', async () => {
    const sdl = path.join(copy, subgraphSdlFile('payments'));
    writeFileSync(sdl, readFileSync(sdl, 'utf8').replace('failureReason: String', 'failureReason: String\n  declinedAt: String'));
    const check = await schemaTypes('--check', '--root', copy);
    expect(check.output).toContain(`Stale resolver types (run \`pnpm schema:types\` and commit the result): ${resolverTypesFile('payments')}`);
    expect(check.code).toBe(1);

    expect((await schemaTypes('--root', copy)).code).toBe(0);
    expect(readFileSync(path.join(copy, resolverTypesFile('payments')), 'utf8')).toContain('declinedAt?: Resolver<Maybe<ResolversTypes[\'String\']>, ParentType, ContextType>;');
    expect((await schemaTypes('--check', '--root', copy)).code).toBe(0);
  });

  it('refuses a subgraph without its GraphQL context type, naming the file and the type', async () => {
    rmSync(path.join(copy, graphqlDir, 'payments-context.ts'));
    const { code, output } = await schemaTypes('--check', '--root', copy);
    expect(output).toMatch(/payments-context\.ts must export the subgraph's GraphQL context type PaymentsContext/);
    expect(code).toBe(2);
  });
});
