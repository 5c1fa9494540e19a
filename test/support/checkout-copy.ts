import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CommandResult {
  status: number | null;
  output: string;
}

/**
 * A copy of this checkout in a temp directory, as a clean clone would have it (tracked files and
 * untracked ones that are not ignored, so uncommitted work is tested too), committed to a git
 * repository of its own so that what a command changes can be listed.
 */
export class CheckoutCopy {
  readonly root = mkdtempSync(path.join(tmpdir(), 'storefront-copy-'));

  constructor(source: string) {
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: source, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (listed.status !== 0) throw new Error(`git ls-files failed in ${source}: ${listed.stderr}`);
    const files = new Set(listed.stdout.split('\0').filter((file) => file && existsSync(path.join(source, file))));
    for (const file of files) cpSync(path.join(source, file), path.join(this.root, file), { verbatimSymlinks: true });
    for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'copy']]) {
      const git = this.run('git', args);
      if (git.status !== 0) throw new Error(`git ${args.join(' ')} failed in the copy: ${git.output}`);
    }
  }

  /** Runs a command in the copy, waiting for it; output is stdout and stderr together. */
  run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CommandResult {
    const result = spawnSync(command, args, { cwd: this.root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
  }

  /** Files added, changed or removed since the copy was made (ignored files aside), relative to its root. */
  changedFiles(): string[] {
    const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: this.root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return status.stdout.split('\0').filter(Boolean).map((entry) => entry.slice(3)).sort();
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
