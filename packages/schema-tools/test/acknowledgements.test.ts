import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACKNOWLEDGEMENTS_FILE, formatReport } from '../src';
import { CATALOG, check, edit, findingsOf, fixtureRepo, recompose, removeFixtureRepos } from './fixture-repo';

afterAll(removeFixtureRepos);

const acknowledge = (root: string, entries: unknown[]): void =>
  writeFileSync(path.join(root, ACKNOWLEDGEMENTS_FILE), JSON.stringify({ acknowledgements: entries }, null, 2));

/** The fixture without Product.legacyCode, which no client operation reads. */
function withoutLegacyCode(): string {
  const root = fixtureRepo();
  edit(root, CATALOG, '  "Kept for an old importer; no client here reads it."\n  legacyCode: String\n', '');
  recompose(root);
  return root;
}

describe('acknowledging a breaking change', () => {
  it('tells how to acknowledge an unacknowledged breaking change', async () => {
    const report = formatReport(await check(withoutLegacyCode()));
    expect(report).toContain('BREAKING   FIELD_REMOVED Product.legacyCode');
    expect(report).toContain('breaks no operation in clients/');
    expect(report).toContain(`add to ${ACKNOWLEDGEMENTS_FILE}: {"change":"FIELD_REMOVED","path":"Product.legacyCode"`);
  });

  it('passes an acknowledged breaking change, still reporting it with its reason', async () => {
    const root = withoutLegacyCode();
    acknowledge(root, [{ change: 'FIELD_REMOVED', path: 'Product.legacyCode', reason: 'The old importer was retired in March.' }]);
    const result = await check(root);
    expect(findingsOf(result, 'api')).toEqual([
      expect.objectContaining({ code: 'FIELD_REMOVED', severity: 'warning', acknowledged: 'The old importer was retired in March.' }),
    ]);
    expect(result.exitCode).toBe(0);
    expect(formatReport(result)).toContain('acknowledged: The old importer was retired in March.');
  });

  it('does not accept an acknowledgement without a reason', async () => {
    const root = withoutLegacyCode();
    acknowledge(root, [{ change: 'FIELD_REMOVED', path: 'Product.legacyCode', reason: '  ' }]);
    const result = await check(root);
    expect(findingsOf(result, 'acknowledgements')).toEqual([expect.objectContaining({ code: 'INVALID_ACKNOWLEDGEMENTS', severity: 'error' })]);
    expect(findingsOf(result, 'api')).toEqual([expect.objectContaining({ code: 'FIELD_REMOVED', severity: 'error' })]);
    expect(result.exitCode).toBe(1);
  });

  it('acknowledges only the change it names', async () => {
    const root = withoutLegacyCode();
    acknowledge(root, [{ change: 'FIELD_TYPE_CHANGED', path: 'Product.legacyCode', reason: 'Wrong change type.' }]);
    const result = await check(root);
    expect(findingsOf(result, 'acknowledgements')).toEqual([expect.objectContaining({ code: 'UNUSED_ACKNOWLEDGEMENT', severity: 'warning' })]);
    expect(result.exitCode).toBe(1);
  });
});
