import { contextDatabaseUrls } from './system/contexts';
import { provideInfrastructure } from './system/local-infrastructure';
import { prepareDatabases } from './system/prepare-databases';
import { oneProcessService, storefrontServices } from './system/services';
import { Supervisor } from './system/supervisor';

/**
 * `pnpm dev`: the whole storefront on this machine. PostgreSQL and the queues are found or started
 * (`--embedded`: a PostgreSQL of its own, queues in it; see local-infrastructure.ts). Databases are
 * created and migrated, demo data loaded, then every subgraph and the gateway start in their own
 * processes (`--one-process`: all of them in one, docs/adr/0013). A service that exits on its own
 * is started again (with a growing delay while it keeps failing); Ctrl-C stops them all, and
 * "stopped" is said only once none of their processes is left.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const say = (line: string) => console.log(`${'dev'.padEnd(13)}| ${line}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const infrastructure = await provideInfrastructure(env, { embedded: process.argv.includes('--embedded'), say });
  const { subgraphs, gateway } = storefrontServices(env);

  try {
    await prepareDatabases(contextDatabaseUrls(gateway.env), say);
  } catch (error) {
    await infrastructure.stop();
    throw error;
  }

  const supervisor = new Supervisor(say);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping everything`);
    await supervisor.stop();
    await infrastructure.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (process.argv.includes('--one-process')) {
      await supervisor.start(oneProcessService(gateway));
    } else {
      await Promise.all(subgraphs.map((subgraph) => supervisor.start(subgraph)));
      await supervisor.start(gateway);
    }
  } catch (error) {
    if (stopping) return; // Ctrl-C while starting: shutdown stops what did start
    stopping = true;
    await supervisor.stop();
    await infrastructure.stop();
    throw error;
  }
  if (stopping) return;
  supervisor.keepUp();
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`GraphiQL: http://localhost:${gateway.env.PORT}/graphql   (Ctrl-C stops everything)`);
}

main().catch((error: unknown) => {
  console.error(`${'dev'.padEnd(13)}| failed to start:`, error instanceof Error ? error.message : error);
  process.exit(1);
});
