import { spawnSync } from 'node:child_process';

/** Runs git in `root`; null when git fails (not a repository, unknown ref, missing path). */
function git(root: string, args: string[]): string | null {
  const result = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

/** The commit a ref names, or null when it names none here. */
export function resolveCommit(root: string, ref: string): string | null {
  return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim() || null;
}

/**
 * A file as committed at `commit`, or null when that commit has no such file. The `./` makes the
 * path relative to `root`, so the check also works when the repository's top level is above it.
 */
export function fileAtCommit(root: string, commit: string, file: string): string | null {
  const spec = `${commit}:./${file.split('\\').join('/')}`;
  if (git(root, ['cat-file', '-e', spec]) === null) return null;
  return git(root, ['show', spec]);
}
