import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dropDatabase } from '@storefront/db-tools';
import { contextEnvName } from '@storefront/platform';
import type { EventsConfig } from '@storefront/messaging';
import { descendants, serviceProcess, signal } from '../../scripts/system/process-tree';
import { removeEventKeys, testEventsConfig } from './event-bus';

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * One `pnpm dev` (scripts/dev.ts) of a checkout, on ports and in databases of its own: PORT and
 * every `<NAME>_PORT` on a random range from 20000, below Linux's ephemeral ports (32768 and up, which
 * outgoing connections of other tests take at random), every `<NAME>_DATABASE_URL` on a uniquely
 * named database, its own Redis key prefix. `cleanUp` kills it if it still runs and removes all that.
 */
export class DevProcess {
  readonly base = 20_000 + Math.floor(Math.random() * 12_000);
  readonly gatewayUrl = `http://127.0.0.1:${this.base}/graphql`;
  readonly events: EventsConfig = testEventsConfig();
  readonly databaseUrls: Readonly<Record<string, string>>;
  readonly env: NodeJS.ProcessEnv;
  output = '';
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    private readonly root: string,
    contexts: readonly { name: string; port: number }[],
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    const run = `d${randomBytes(3).toString('hex')}`;
    this.databaseUrls = Object.fromEntries(contexts.map(({ name }) => [name, `${SERVER}/storefront_${run}_${name}`]));
    this.env = {
      ...process.env,
      PORT: String(this.base),
      LOG_LEVEL: 'info',
      EVENTS_PREFIX: this.events.prefix,
      ...Object.fromEntries(contexts.flatMap(({ name, port }) => [
        [`${contextEnvName(name)}_PORT`, String(this.base + port - 4000)],
        [`${contextEnvName(name)}_DATABASE_URL`, this.databaseUrls[name]!],
      ])),
      ...extraEnv,
    };
    // Not jest's NODE_ENV=test: `pnpm dev` runs with a person's environment (Apollo Server, for one, acts on signals differently under test).
    if (!('NODE_ENV' in extraEnv)) delete this.env.NODE_ENV;
  }

  /** Starts it (with `args`, such as `--embedded`) and waits until it says it is ready (or exits, or the deadline passes). */
  async start(deadlineMs = 100_000, args: readonly string[] = []): Promise<void> {
    const child = spawn(path.join(this.root, 'node_modules', '.bin', 'tsx'), ['scripts/dev.ts', ...args], { cwd: this.root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + deadlineMs;
    while (!this.output.includes('GraphiQL: http://localhost') && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Ctrl-C, as a developer stops it; resolves with its exit code. */
  async interrupt(): Promise<number | null> {
    this.child?.kill('SIGINT');
    return this.exited;
  }

  /** The pids of every process this `pnpm dev` runs, itself included (each service's tsx and node processes). */
  processes(): number[] {
    return this.child?.pid === undefined ? [] : descendants(this.child.pid);
  }

  /** The node process that runs a service's main.ts (`gateway` or a context's name), if one runs now. */
  serviceProcess(name: string): number | undefined {
    return this.child?.pid === undefined ? undefined : serviceProcess(this.child.pid, name);
  }

  async cleanUp(): Promise<void> {
    // Every process of the tree, each service's group included: a failed test leaves nothing behind holding a port.
    if (this.child?.pid !== undefined && this.child.exitCode === null) for (const pid of this.processes()) signal(pid, 'SIGKILL');
    await Promise.all(Object.values(this.databaseUrls).map((url) => dropDatabase(url)));
    await removeEventKeys(this.events);
  }
}
