import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateResolverTypes, staleResolverTypes } from '@storefront/schema-tools';

/**
 * `pnpm schema:types [--check] [--root <dir>]`: writes every subgraph's resolver types,
 * subgraphs/<name>/src/graphql/generated/resolvers-types.ts, from its schema.graphql (and its
 * schema.mappers.ts). Run it after editing a schema.graphql and commit what it writes.
 * `--check` writes nothing and exits 1 when a committed file is not what generating gives (a test runs it).
 */
const USAGE = 'usage: pnpm schema:types [--check] [--root <dir>]';
const args = process.argv.slice(2);
const check = args.includes('--check');
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 && args[rootFlag + 1] ? path.resolve(args[rootFlag + 1] as string) : path.resolve(__dirname, '..');

async function main(): Promise<number> {
  const unknown = args.filter((arg, index) => arg !== '--check' && !(arg === '--root' || args[index - 1] === '--root'));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}\n${USAGE}`);
  const generated = await generateResolverTypes(root);
  const stale = staleResolverTypes(root, generated);
  if (check) {
    if (stale.length === 0) console.log(`The resolver types of ${generated.length} subgraphs are up to date.`);
    else console.error(`Stale resolver types (run \`pnpm schema:types\` and commit the result): ${stale.join(', ')}`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const { file, content } of generated.filter(({ file }) => stale.includes(file))) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  console.log(stale.length === 0 ? `The resolver types of ${generated.length} subgraphs were up to date.` : `Wrote ${stale.join(', ')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
