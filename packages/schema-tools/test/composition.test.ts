import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatReport } from '../src';
import { CATALOG, check, edit, findingsOf, fixtureRepo, INVENTORY, recompose, removeFixtureRepos } from './fixture-repo';

afterAll(removeFixtureRepos);

describe('composition and the committed supergraph', () => {
  it('passes the fixture as it is, with every check reporting what it looked at', async () => {
    const result = await check(fixtureRepo());
    expect(result.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(formatReport(result)).toMatch(/Schema check passed: 0 errors, 0 warnings\.$/);
  });

  it('fails when two subgraphs define the same value type with different field types, naming the type, field and subgraphs', async () => {
    const root = fixtureRepo();
    edit(root, INVENTORY, 'type Money @shareable {\n  amount: Int!', 'type Money @shareable {\n  amount: String!');
    const result = await check(root);
    expect(findingsOf(result, 'composition')).toEqual([
      expect.objectContaining({
        code: 'FIELD_TYPE_MISMATCH',
        severity: 'error',
        path: 'Money.amount',
        subgraphs: ['catalog', 'inventory'],
        locations: [`${CATALOG}:29`, `${INVENTORY}:14`],
      }),
    ]);
    expect(findingsOf(result, 'api')).toEqual([expect.objectContaining({ code: 'SKIPPED' })]);
    expect(result.exitCode).toBe(1);
    expect(formatReport(result)).toContain('FIELD_TYPE_MISMATCH Money.amount [subgraphs: catalog, inventory]');
  });

  it('fails an SDL that does not parse, with its subgraph and line', async () => {
    const root = fixtureRepo();
    edit(root, CATALOG, '  products(first: Int = 20, status: ProductStatus): [Product!]!', '  products(first: Int = 20');
    const result = await check(root);
    expect(findingsOf(result, 'composition')).toEqual([
      expect.objectContaining({ code: 'INVALID_GRAPHQL_SYNTAX', subgraphs: ['catalog'], locations: [`${CATALOG}:6`] }),
    ]);
    expect(result.exitCode).toBe(1);
  });

  it('fails an SDL that parses but is not a valid subgraph, naming the field', async () => {
    const root = fixtureRepo();
    edit(root, INVENTORY, '  inStock: Boolean', '  inStock: Availability');
    const result = await check(root);
    expect(findingsOf(result, 'composition')).toEqual([expect.objectContaining({ code: 'INVALID_GRAPHQL', path: 'Product.inStock', subgraphs: ['inventory'] })]);
    expect(result.exitCode).toBe(1);
  });

  it('fails a stale supergraph: an SDL edit without `pnpm schema:compose`', async () => {
    const root = fixtureRepo();
    edit(root, CATALOG, '  legacyCode: String\n', '  legacyCode: String\n  subtitle: String\n');
    const stale = await check(root);
    expect(findingsOf(stale, 'supergraph')).toEqual([expect.objectContaining({ code: 'STALE_SUPERGRAPH', severity: 'error' })]);
    expect(stale.exitCode).toBe(1);

    recompose(root);
    const fresh = await check(root);
    expect(findingsOf(fresh, 'supergraph')).toEqual([]);
    expect(fresh.exitCode).toBe(0);
  });

  it('fails when the committed supergraph is missing', async () => {
    const root = fixtureRepo();
    rmSync(path.join(root, 'gateway', 'supergraph.graphql'));
    const result = await check(root);
    expect(findingsOf(result, 'supergraph')).toEqual([expect.objectContaining({ code: 'MISSING_SUPERGRAPH', severity: 'error' })]);
  });

  it('fails a client operation that does not parse', async () => {
    const root = fixtureRepo();
    writeFileSync(path.join(root, 'clients', 'web', 'broken.graphql'), 'query Broken { products {');
    const result = await check(root);
    expect(findingsOf(result, 'operations')).toEqual([expect.objectContaining({ code: 'INVALID_GRAPHQL_SYNTAX', locations: ['clients/web/broken.graphql:1'] })]);
    expect(result.exitCode).toBe(1);
  });
});
