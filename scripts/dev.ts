import { contextEnvName } from '@storefront/platform';
import { CONTEXTS, contextDatabaseUrls } from './system/contexts';
import { prepareDatabases } from './system/prepare-databases';
import { Supervisor } from './system/supervisor';

/**
 * `pnpm dev`: the whole storefront on this machine. Databases are created and migrated, demo data
 * loaded, then every subgraph and the gateway start in their own processes. A service that exits
 * on its own is started again (with a growing delay while it keeps failing); Ctrl-C stops them all,
 * and "stopped" is said only once none of their processes is left.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const say = (line: string) => console.log(`${'dev'.padEnd(13)}| ${line}`);
  const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
  const port = (name: string, fallback: number) => Number(env[`${contextEnvName(name)}_PORT`] ?? fallback);

  await prepareDatabases(contextDatabaseUrls(env), say);

  const supervisor = new Supervisor(say);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping everything`);
    await supervisor.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await startAll(supervisor, env, port);
  } catch (error) {
    if (stopping) return; // Ctrl-C while starting: shutdown stops what did start
    stopping = true;
    await supervisor.stop();
    throw error;
  }
  if (stopping) return;
  supervisor.keepUp();
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`GraphiQL: http://localhost:${port('gateway', Number(env.PORT ?? 4000))}/graphql   (Ctrl-C stops everything)`);
}

async function startAll(supervisor: Supervisor, env: NodeJS.ProcessEnv, port: (name: string, fallback: number) => number): Promise<void> {
  const subgraphs = CONTEXTS.map((context) => {
    const subgraphPort = port(context.name, context.port);
    env[`${contextEnvName(context.name)}_PORT`] = String(subgraphPort);
    env[`${contextEnvName(context.name)}_URL`] = `http://127.0.0.1:${subgraphPort}/graphql`;
    return { name: context.name, entry: `subgraphs/${context.name}/src/main.ts`, readyUrl: `http://127.0.0.1:${subgraphPort}/ready` };
  });
  await Promise.all(subgraphs.map((subgraph) => supervisor.start({ ...subgraph, env })));
  const gatewayPort = port('gateway', Number(env.PORT ?? 4000));
  await supervisor.start({ name: 'gateway', entry: 'gateway/src/main.ts', env: { ...env, PORT: String(gatewayPort) }, readyUrl: `http://127.0.0.1:${gatewayPort}/ready` });
}

main().catch((error: unknown) => {
  console.error(`${'dev'.padEnd(13)}| failed to start:`, error instanceof Error ? error.message : error);
  process.exit(1);
});
