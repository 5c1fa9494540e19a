import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { processCpuMs } from './service-cpu';

const ROOT = path.resolve(__dirname, '..', '..');

/** A gateway under test, in a process of its own so that its CPU time can be read from /proc. */
export interface GatewayProcess {
  name: string;
  url: string;
  cpuMs(): number;
  stop(): Promise<void>;
}

/** The product's gateway, with `node --import tsx` (one process, no tsx wrapper in between). */
export const PRODUCT_GATEWAY = ['--import', 'tsx', 'gateway/src/main.ts'];
/** Hive Gateway's own command (`pnpm gateway:hive`), run by node directly, with the committed configuration. */
export const HIVE_GATEWAY = [require.resolve('@graphql-hive/gateway/package.json').replace(/package\.json$/, 'dist/bin.js'), 'supergraph', '-c', 'gateway/hive/gateway.config.ts'];

/**
 * Starts a gateway (node with `args`) on `port`, in a process of its own, and waits until it
 * answers a trivial query.
 */
export async function startGatewayProcess(name: string, args: readonly string[], port: number, env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) readline.createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const url = `http://127.0.0.1:${port}/graphql`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${lines.slice(-20).join('\n')}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 60 s:\n${lines.slice(-20).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    url,
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
