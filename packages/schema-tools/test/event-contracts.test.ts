import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACKNOWLEDGEMENTS_FILE, EVENT_CONTRACTS_FILE, formatReport } from '../src';
import { check, findingsOf, fixtureRepo, removeFixtureRepos } from './fixture-repo';

afterAll(removeFixtureRepos);

const fixtureText = (name: string): string => readFileSync(path.join(__dirname, 'fixtures', 'events', `${name}.json`), 'utf8');

describe('the event contracts check', () => {
  function withContracts(name: string): string {
    const root = fixtureRepo();
    mkdirSync(path.join(root, path.dirname(EVENT_CONTRACTS_FILE)), { recursive: true });
    writeFileSync(path.join(root, EVENT_CONTRACTS_FILE), fixtureText(name));
    return root;
  }

  it('passes with "no event contracts yet" while the events package has none', async () => {
    const result = await check(fixtureRepo(), { baseEventContracts: null });
    expect(findingsOf(result, 'events')).toEqual([expect.objectContaining({ code: 'NO_EVENT_CONTRACTS', message: expect.stringContaining('no event contracts yet') })]);
    expect(result.exitCode).toBe(0);
  });

  it.each([
    ['field-removed', 'EVENT_FIELD_REMOVED', 'breaking', 1],
    ['optional-field-added', 'EVENT_FIELD_ADDED', 'safe', 0],
    ['new-version', 'EVENT_ADDED', 'safe', 0],
  ])('against the base fixture, %s is %s (%s) and exits %i', async (name, code, classification, exitCode) => {
    const result = await check(withContracts(name), { baseEventContracts: fixtureText('base') });
    expect(findingsOf(result, 'events')).toContainEqual(expect.objectContaining({ code, classification }));
    expect(result.exitCode).toBe(exitCode);
  });

  it('treats every contract as new when the base had no contracts file', async () => {
    const result = await check(withContracts('base'), { baseEventContracts: null });
    expect(findingsOf(result, 'events').map((finding) => finding.code)).toEqual(['EVENT_ADDED', 'EVENT_ADDED']);
    expect(result.exitCode).toBe(0);
  });

  it('says how to make an incompatible change instead, and accepts it once acknowledged', async () => {
    const root = withContracts('field-removed');
    const failed = await check(root, { baseEventContracts: fixtureText('base') });
    expect(formatReport(failed)).toContain('publish it as catalog.product-created.v2 and keep producing catalog.product-created.v1');

    const entry = { change: 'EVENT_FIELD_REMOVED', path: 'catalog.product-created.v1.sku', reason: 'No consumer has read sku since inventory 2.3; agreed with both teams.' };
    writeFileSync(path.join(root, ACKNOWLEDGEMENTS_FILE), JSON.stringify({ acknowledgements: [entry] }));
    const acknowledged = await check(root, { baseEventContracts: fixtureText('base') });
    expect(findingsOf(acknowledged, 'events')).toEqual([expect.objectContaining({ severity: 'warning', acknowledged: entry.reason })]);
    expect(acknowledged.exitCode).toBe(0);
  });

  it('fails when the contracts file disappears while contexts subscribe to its events', async () => {
    const result = await check(fixtureRepo(), { baseEventContracts: fixtureText('base') });
    expect(findingsOf(result, 'events').map(({ code, classification }) => [code, classification])).toEqual([
      ['EVENT_REMOVED', 'breaking'],
      ['EVENT_REMOVED', 'safe'],
    ]);
    expect(result.exitCode).toBe(1);
  });
});
