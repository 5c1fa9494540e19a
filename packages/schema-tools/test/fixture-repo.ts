import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSchema, composeSupergraph, SUPERGRAPH_FILE, subgraphSources, supergraphFileText, type CheckOptions, type CheckResult, type Finding } from '../src';

/**
 * A small two-subgraph repository (test/fixtures/repo) copied to a temp dir per test, so each test
 * edits its own copy. The base is the fixture as committed, given as text: no git needed.
 */
export const FIXTURE_SUBGRAPHS = [
  { name: 'catalog', url: 'http://catalog.test/graphql' },
  { name: 'inventory', url: 'http://inventory.test/graphql' },
];

const FIXTURE = path.join(__dirname, 'fixtures', 'repo');
const created: string[] = [];

function composedSdl(root: string): string {
  const outcome = composeSupergraph(subgraphSources(root, FIXTURE_SUBGRAPHS), root);
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join('\n'));
  return supergraphFileText(outcome.supergraphSdl);
}

/** The base's supergraph: the fixture composed as it is. */
export const BASE_SUPERGRAPH = composedSdl(FIXTURE);

/** A fresh copy of the fixture with its supergraph committed (up to date). */
export function fixtureRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
  created.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  mkdirSync(path.join(root, path.dirname(SUPERGRAPH_FILE)), { recursive: true });
  writeFileSync(path.join(root, SUPERGRAPH_FILE), BASE_SUPERGRAPH);
  return root;
}

export function removeFixtureRepos(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Replaces one exact, unique piece of a file: a test fails loudly if the fixture drifts. */
export function edit(root: string, file: string, from: string, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  if (text.split(from).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(from)} in ${file}`);
  writeFileSync(full, text.replace(from, to));
}

export const CATALOG = 'subgraphs/catalog/src/graphql/schema.graphql';
export const INVENTORY = 'subgraphs/inventory/src/graphql/schema.graphql';

/** What `pnpm schema:compose` does after an SDL edit. */
export function recompose(root: string): void {
  writeFileSync(path.join(root, SUPERGRAPH_FILE), composedSdl(root));
}

export function check(root: string, options: Partial<CheckOptions> = {}): Promise<CheckResult> {
  return checkSchema({ root, subgraphs: FIXTURE_SUBGRAPHS, baseSupergraph: BASE_SUPERGRAPH, ...options });
}

/** The findings of one check that are not mere "ok" notes, in a shape easy to compare. */
export function findingsOf(result: CheckResult, check: Finding['check']): Finding[] {
  return result.findings.filter((finding) => finding.check === check && finding.code !== 'OK');
}

export const operationNames = (finding: Finding | undefined): string[] => (finding?.operations ?? []).map((operation) => operation.name).sort();
