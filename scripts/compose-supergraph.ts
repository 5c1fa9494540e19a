import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, compositionIssueLines, SUPERGRAPH_FILE, subgraphSources, supergraphFileText, type CompositionIssue } from '@storefront/schema-tools';

/**
 * `pnpm schema:compose [--root <dir>]`: composes every subgraph's SDL into gateway/supergraph.graphql.
 * On failure it writes nothing and exits 1, printing each error with its code, the subgraphs, the type
 * or field, and the SDL lines involved; composition hints are printed as warnings either way.
 * `--root` points at another checkout (the schema check's tests compose in a copy of the repository).
 */
const rootFlag = process.argv.indexOf('--root');
const root = rootFlag >= 0 && process.argv[rootFlag + 1] ? path.resolve(process.argv[rootFlag + 1] as string) : path.resolve(__dirname, '..');
const target = path.join(root, SUPERGRAPH_FILE);
const outcome = composeSupergraph(subgraphSources(root), root);

const print = (kind: 'error' | 'warning', issue: CompositionIssue): string => {
  const [first, ...rest] = compositionIssueLines(issue);
  return [`${kind} ${first}`, ...rest.map((line) => `    ${line}`)].join('\n');
};

for (const hint of outcome.hints) console.warn(print('warning', hint));
if (!outcome.ok) {
  for (const error of outcome.errors) console.error(print('error', error));
  console.error(`Composition failed with ${outcome.errors.length} error(s); ${SUPERGRAPH_FILE} was left as it was.`);
  process.exit(1);
}
writeFileSync(target, supergraphFileText(outcome.supergraphSdl));
console.log(`Wrote ${SUPERGRAPH_FILE}`);
