import path from 'node:path';
import { createMigration, listContexts, migrationNameProblem } from '../index';
import { repositoryRoot } from '../contexts';
import { runCli } from './run-cli';

const USAGE = 'usage: pnpm db:migration <context> <name>   e.g. pnpm db:migration shipping add_parcel_notes';

type Request = { context: string; name: string; problem?: never } | { problem: string };

function parseArgs(args: string[], contexts: string[]): Request {
  const [context, name] = args;
  if (args.length !== 2 || !context || !name) {
    return { problem: `expected a context and a migration name, got ${args.length} argument(s)` };
  }
  if (!contexts.includes(context)) {
    return { problem: `unknown context "${context}": expected one of ${contexts.join(', ')}` };
  }
  const problem = migrationNameProblem(name);
  return problem ? { problem } : { context, name };
}

/**
 * `pnpm db:migration <context> <name>`: writes the migration that takes the context's committed
 * migrations to its schema.prisma, or says there is nothing to write.
 */
runCli(async (args) => {
  const request = parseArgs(args, listContexts());
  if (request.problem !== undefined) {
    process.stderr.write(`db:migration: ${request.problem}\n${USAGE}\n`);
    return 2;
  }
  const { context, name } = request;
  const { migrationDir } = await createMigration({ context, name });
  const schema = path.join('prisma', context, 'schema.prisma');
  if (!migrationDir) {
    process.stdout.write(`No change: the migrations of ${context} already produce ${schema}. Nothing written.\n`);
    return 0;
  }
  const script = path.relative(repositoryRoot, path.join(migrationDir, 'migration.sql'));
  process.stdout.write(
    `Wrote ${script}\n` +
      'Review it (add what Prisma cannot model, such as CHECK constraints), then run pnpm db:migrate.\n',
  );
  return 0;
});
