import path from 'node:path';
import { RefusedContextName, scaffoldContext } from './context-new/scaffold';

/**
 * `pnpm context:new <name>`: a new bounded context from the template in scripts/context-new/template,
 * written to subgraphs/<name>/ and prisma/<name>/ only. A name that is taken or not kebab case is
 * refused with exit code 1 and nothing written.
 */
const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

async function main(): Promise<void> {
  if (args.length > 1) throw new RefusedContextName(`one name only, got ${args.length}: ${args.join(' ')}`);
  const name = args[0];
  const written = await scaffoldContext(root, name);
  console.log(`Created the context ${name} (${written.length} files):`);
  for (const file of written) console.log(`  ${file}`);
  console.log('\nNext: pnpm install && pnpm schema:compose && pnpm dev');
}

main().catch((error: unknown) => {
  if (error instanceof RefusedContextName) console.error(`context:new: ${error.message}`);
  else console.error('context:new failed (nothing was left behind):', error);
  process.exit(error instanceof RefusedContextName ? 1 : 2);
});
