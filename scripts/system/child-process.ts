import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { groupMembers, signal } from './process-tree';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const COLOURS = [36, 33, 35, 32, 34, 31];

/** How a process ended: its exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Service {
  name: string;
  child: ChildProcess;
  /** Settles once the service's process has exited and no process of its group is left. */
  exited: Promise<Exit>;
}

export const describeExit = ({ code, signal: killedBy }: Exit): string => (killedBy ? `killed by ${killedBy}` : `exit code ${code}`);

/**
 * Starts one service's main.ts as production starts it (`tsx src/main.ts`: a tsx process and the
 * node process it runs), in a process group of its own, its output prefixed with its name. The
 * group is what is stopped and waited for, so that a node process whose tsx parent died is not
 * left behind holding the service's port. `output` takes its lines instead of this process's stdout.
 */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv, index: number, output?: (line: string) => void): Service {
  const child = spawn(TSX, [path.join(ROOT, entry)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const colour = COLOURS[index % COLOURS.length];
  const prefix = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(13)}|\x1b[0m ` : `${name.padEnd(13)}| `;
  const print = output ?? ((line: string) => process.stdout.write(`${prefix}${line}\n`));
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', print);
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, killedBy) => resolve({ code, signal: killedBy })))
    .then(async (exit) => {
      if (child.pid !== undefined) await groupGone(child.pid);
      return exit;
    });
  return { name, child, exited };
}

/** Waits until no live process of the group is left, killing the stragglers after a short grace. */
async function groupGone(pgid: number, graceMs = 5000): Promise<void> {
  const until = Date.now() + graceMs;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > until) signal(-pgid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls a URL until it answers 2xx, the service dies, or the deadline passes. */
export async function waitUntilUp(service: Service, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void service.exited.then(() => {
    dead = true;
  });
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${service.name} exited before it was up`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.name} was not up at ${url} after ${timeoutMs} ms`);
}

/**
 * Asks a service to stop (SIGTERM to its tsx process, which passes it on), kills its whole group if
 * it is still running after the grace period, and settles once nothing of it is left.
 */
export async function stopService(service: Service, graceMs = 10_000): Promise<Exit> {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.pid !== undefined && signal(-service.child.pid, 'SIGKILL'), graceMs);
  const exit = await service.exited;
  clearTimeout(timer);
  return exit;
}
