import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, subgraphSources } from '@storefront/schema-tools';

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'gateway', 'supergraph.graphql');
const outcome = composeSupergraph(subgraphSources(root));

for (const hint of outcome.hints) console.warn(`hint ${hint.code}: ${hint.message}`);
if (!outcome.ok) {
  for (const error of outcome.errors) console.error(`error ${error.code}: ${error.message}`);
  console.error(`Composition failed with ${outcome.errors.length} error(s); ${path.relative(root, target)} was left as it was.`);
  process.exit(1);
}
writeFileSync(target, outcome.supergraphSdl.endsWith('\n') ? outcome.supergraphSdl : `${outcome.supergraphSdl}\n`);
console.log(`Wrote ${path.relative(root, target)}`);
