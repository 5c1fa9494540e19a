import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentHash, loadTrustedDocuments } from './trusted-document-registry';

describe('loadTrustedDocuments', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'trusted-documents-'));
    mkdirSync(path.join(directory, 'shop'));
    writeFileSync(
      path.join(directory, 'shop', 'products.graphql'),
      `query List { products { edges { node { ...Card } } } }
       query Names { categories { name } }
       fragment Card on Product { id ...Price }
       fragment Price on Product { price { amount } }
       fragment Unused on Product { sku }`,
    );
    writeFileSync(path.join(directory, 'notes.txt'), 'query Ignored { categories { id } }');
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('registers each operation of every .graphql file, with the fragments it spreads and no others, by sha256', () => {
    const registry = loadTrustedDocuments(directory);
    expect([...registry.documents].map((document) => document.split('\n')[0])).toEqual([
      'query List {',
      'query Names {',
    ]);
    const list = [...registry.documents][0]!;
    expect(list).toMatch(/fragment Card on Product/);
    expect(list).toMatch(/fragment Price on Product/);
    expect(list).not.toMatch(/Unused/);
    expect(registry.byHash.get(documentHash(list))).toBe(list);
  });
});
