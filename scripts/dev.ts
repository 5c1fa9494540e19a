import { contextEnvName } from '@storefront/platform';
import { CONTEXTS, contextDatabaseUrls } from './system/contexts';
import { provideInfrastructure } from './system/local-infrastructure';
import { prepareDatabases } from './system/prepare-databases';
import { startService, stopAll, waitUntilUp, type Service } from './system/child-process';

/**
 * `pnpm dev`: the whole storefront on this machine. PostgreSQL and the queues are found or started
 * (`--embedded`: a PostgreSQL of its own, queues in it; see local-infrastructure.ts). Databases are
 * created and migrated, demo data loaded, then every subgraph and the gateway start in their own
 * processes. Ctrl-C stops them all.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const say = (line: string) => console.log(`${'dev'.padEnd(13)}| ${line}`);
  const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
  const port = (name: string, fallback: number) => Number(env[`${contextEnvName(name)}_PORT`] ?? fallback);

  const infrastructure = await provideInfrastructure(env, { embedded: process.argv.includes('--embedded'), say });
  try {
    await prepareDatabases(contextDatabaseUrls(env), say);
  } catch (error) {
    await infrastructure.stop();
    throw error;
  }

  const services: Service[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping everything`);
    await stopAll(services);
    await infrastructure.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await startAll(services, env, port);
  } catch (error) {
    await stopAll(services);
    await infrastructure.stop();
    throw error;
  }
  for (const service of services) {
    void service.exited.then((code) => {
      if (!stopping) {
        say(`${service.name} exited (${code}); stopping the rest`);
        void shutdown('exit');
      }
    });
  }
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`GraphiQL: http://localhost:${port('gateway', Number(env.PORT ?? 4000))}/graphql   (Ctrl-C stops everything)`);
}

async function startAll(services: Service[], env: NodeJS.ProcessEnv, port: (name: string, fallback: number) => number): Promise<void> {
  for (const [index, context] of CONTEXTS.entries()) {
    const subgraphPort = port(context.name, context.port);
    env[`${contextEnvName(context.name)}_PORT`] = String(subgraphPort);
    env[`${contextEnvName(context.name)}_URL`] = `http://127.0.0.1:${subgraphPort}/graphql`;
    services.push(startService(context.name, `subgraphs/${context.name}/src/main.ts`, env, index));
  }
  await Promise.all(services.map((service) => waitUntilUp(service, `${env[`${contextEnvName(service.name)}_URL`]?.replace('/graphql', '')}/ready`)));

  const gatewayPort = port('gateway', Number(env.PORT ?? 4000));
  const gateway = startService('gateway', 'gateway/src/main.ts', { ...env, PORT: String(gatewayPort) }, CONTEXTS.length);
  services.push(gateway);
  await waitUntilUp(gateway, `http://127.0.0.1:${gatewayPort}/ready`);
}

main().catch((error: unknown) => {
  console.error(`${'dev'.padEnd(13)}| failed to start:`, error instanceof Error ? error.message : error);
  process.exit(1);
});
