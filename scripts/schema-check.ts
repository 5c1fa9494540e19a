import path from 'node:path';
import { checkSchema, formatReport } from '@storefront/schema-tools';

/**
 * `pnpm schema:check [--base <git-ref> | --no-base] [--json] [--root <dir>]`
 *
 * Tells a subgraph team, before merging, whether its change breaks composition, leaves the committed
 * supergraph stale, breaks the API or a client operation, or breaks another context's event consumer.
 * The base defaults to HEAD (what you are about to commit); in a pull request pass the target branch.
 * `--no-base` checks what needs no history (composition, staleness, operations). Exits 1 on any error.
 */
const USAGE = 'usage: pnpm schema:check [--base <git-ref> | --no-base] [--json] [--root <dir>]';

function parseArgs(argv: string[]): { root: string; baseRef: string | undefined; json: boolean } {
  let root = path.resolve(__dirname, '..');
  let baseRef: string | undefined = 'HEAD';
  let json = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = (): string => {
      const next = argv[(index += 1)];
      if (!next || next.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--base') baseRef = value();
    else if (arg === '--no-base') baseRef = undefined;
    else if (arg === '--json') json = true;
    else if (arg === '--root') root = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return { root, baseRef, json };
}

async function main(): Promise<number> {
  const { root, baseRef, json } = parseArgs(process.argv.slice(2));
  const result = await checkSchema(baseRef === undefined ? { root } : { root, baseRef });
  console.log(json ? JSON.stringify(result, null, 2) : formatReport(result));
  return result.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
