import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const COLOURS = [36, 33, 35, 32, 34, 31];

export interface Service {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts one service's main.ts in its own process, its output prefixed with its name. */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv, index: number): Service {
  const child = spawn(TSX, [path.join(ROOT, entry)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const colour = COLOURS[index % COLOURS.length];
  const prefix = process.stdout.isTTY ? `\x1b[${colour}m${name.padEnd(13)}|\x1b[0m ` : `${name.padEnd(13)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
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

/** Asks every service to stop (SIGTERM), and kills what is still running after the grace period. */
export async function stopAll(services: readonly Service[], graceMs = 10_000): Promise<void> {
  for (const service of services) if (service.child.exitCode === null) service.child.kill('SIGTERM');
  const timer = setTimeout(() => services.forEach((s) => s.child.exitCode === null && s.child.kill('SIGKILL')), graceMs);
  await Promise.all(services.map((s) => s.exited));
  clearTimeout(timer);
}
