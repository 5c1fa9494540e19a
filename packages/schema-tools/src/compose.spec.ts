import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, subgraphSources } from './compose';

const root = path.resolve(__dirname, '..', '..', '..');

describe('the committed supergraph', () => {
  it('is exactly what composing the subgraphs gives (run `pnpm schema:compose` after an SDL change)', () => {
    const outcome = composeSupergraph(subgraphSources(root));
    if (!outcome.ok) throw new Error(outcome.errors.map((error) => `${error.code}: ${error.message}`).join('\n'));
    const committed = readFileSync(path.join(root, 'gateway', 'supergraph.graphql'), 'utf8');
    expect(committed.trimEnd()).toBe(outcome.supergraphSdl.trimEnd());
  });
});
