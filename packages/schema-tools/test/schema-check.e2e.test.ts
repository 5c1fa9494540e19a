import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { contextDeclarationFile } from '@storefront/platform';
import { ACKNOWLEDGEMENTS_FILE, declaredSubgraphs, SUPERGRAPH_FILE, subgraphSdlFile, type CheckResult } from '../src';

/**
 * `pnpm schema:compose` and `pnpm schema:check` as a subgraph team runs them, on a copy of this
 * repository's schema files committed in a throwaway git repository (the base, HEAD), edited in the
 * working tree. The scenarios run side by side, each in its own copy: two processes at most.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CATALOG = subgraphSdlFile('catalog');
const SHIPPING = subgraphSdlFile('shipping');
const run = promisify(execFile);
let base: string;
const copies: string[] = [];

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'schema-check-e2e-'));
  const files = [...declaredSubgraphs().flatMap(({ name }) => [subgraphSdlFile(name), contextDeclarationFile(name)]), SUPERGRAPH_FILE, 'clients', ACKNOWLEDGEMENTS_FILE];
  for (const file of files.filter((name) => existsSync(path.join(ROOT, name)))) cpSync(path.join(ROOT, file), path.join(base, file), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Base', '-c', 'user.email=base@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: base });
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'base');
});

afterAll(() => {
  for (const dir of [base, ...copies]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the base repository (with its history) whose working tree gets one edit. */
function edited(file: string, from: string, to: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-check-e2e-'));
  copies.push(dir);
  cpSync(base, dir, { recursive: true });
  const text = readFileSync(path.join(dir, file), 'utf8');
  if (text.split(from).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)} in ${file}`);
  writeFileSync(path.join(dir, file), text.replace(from, to));
  return dir;
}

/** Runs one of the repository's scripts against a copy; a non-zero exit is a result, not a throw. */
async function script(name: string, ...args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
  try {
    const { stdout, stderr } = await run(TSX, [path.join(ROOT, 'scripts', name), ...args], { cwd: ROOT, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const composeAndCheck = async (dir: string, ...args: string[]) => {
  const compose = await script('compose-supergraph.ts', '--root', dir);
  if (compose.code !== 0) throw new Error(compose.output);
  return script('schema-check.ts', '--root', dir, ...args);
};

describe('pnpm schema:check on a copy of this repository', () => {
  it('passes a composed nullable field, fails a stale supergraph, Product.sku removed and a value type clash', async () => {
    const addSubtitle = (): string => edited(CATALOG, '  status: ProductStatus!\n}', '  status: ProductStatus!\n  "A line under the name."\n  subtitle: String\n}');
    const withoutSku = edited(CATALOG, 'type Product @key(fields: "id") @cacheControl(maxAge: 60) {\n  id: ID!\n  sku: String!\n', 'type Product @key(fields: "id") @cacheControl(maxAge: 60) {\n  id: ID!\n');
    const clash = edited(SHIPPING, 'type Money @shareable @cacheControl(inheritMaxAge: true) {\n  amount: Int!', 'type Money @shareable @cacheControl(inheritMaxAge: true) {\n  amount: Float!');
    const [composed, stale, removed, clashed] = await Promise.all([
      composeAndCheck(addSubtitle()),
      script('schema-check.ts', '--root', addSubtitle()),
      composeAndCheck(withoutSku),
      script('schema-check.ts', '--root', clash, '--json'),
    ]);

    expect(composed.output).toContain('FIELD_ADDED Product.subtitle');
    expect(composed.output).toContain('Schema check passed');
    expect(composed.code).toBe(0);

    expect(stale.output).toContain(`${SUPERGRAPH_FILE} is stale`);
    expect(stale.output).toContain('pnpm schema:compose');
    expect(stale.code).toBe(1);

    const lines = removed.output.split('\n');
    const breaking = lines.findIndex((line) => line.includes('BREAKING   FIELD_REMOVED Product.sku'));
    expect(breaking).toBeGreaterThan(0);
    for (const operation of ['ProductList', 'ProductDetail', 'CreateProduct']) expect(lines[breaking + 1]).toContain(operation);
    expect(removed.output).toContain('Cannot query field "sku" on type "Product"');
    expect(removed.code).toBe(1);

    const result = JSON.parse(clashed.output) as CheckResult;
    expect(result.findings).toContainEqual(
      expect.objectContaining({ check: 'composition', severity: 'error', code: 'FIELD_TYPE_MISMATCH', path: 'Money.amount', subgraphs: expect.arrayContaining(['catalog', 'shipping']) }),
    );
    expect(clashed.code).toBe(1);
  });
});
