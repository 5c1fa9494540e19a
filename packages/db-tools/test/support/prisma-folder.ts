import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../../src/contexts';

/** A throwaway repository root holding a copy of one context's prisma folder. */
export interface PrismaFolderCopy {
  root: string;
  contextDir: string;
  remove(): void;
}

export function copyPrismaContext(context: string): PrismaFolderCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'db-tools-'));
  const contextDir = path.join(root, 'prisma', context);
  cpSync(path.join(repositoryRoot, 'prisma', context), contextDir, { recursive: true });
  return { root, contextDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
