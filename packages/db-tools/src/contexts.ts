import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository root: this file lives in packages/db-tools/src. */
export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/** Where one context's Prisma schema and migrations live. */
export interface ContextPaths {
  schemaPath: string;
  migrationsDir: string;
}

export function contextPaths(context: string, root: string = repositoryRoot): ContextPaths {
  const dir = path.join(root, 'prisma', context);
  return { schemaPath: path.join(dir, 'schema.prisma'), migrationsDir: path.join(dir, 'migrations') };
}

/** The bounded contexts that own a database: the folders of prisma/ that hold a schema.prisma. */
export function listContexts(root: string = repositoryRoot): string[] {
  const prismaDir = path.join(root, 'prisma');
  if (!existsSync(prismaDir)) return [];
  return readdirSync(prismaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((context) => existsSync(contextPaths(context, root).schemaPath))
    .sort();
}
