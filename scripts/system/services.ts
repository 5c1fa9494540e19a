import { contextEnvName } from '@storefront/platform';
import { CONTEXTS } from './contexts';
import type { ServiceSpec } from './supervisor';

/**
 * Every service of the storefront as `pnpm dev` starts it: each subgraph on its port (from
 * `<CONTEXT>_PORT` or its declaration), the gateway on PORT, told where each subgraph listens.
 * The environment is the caller's, with Apollo's usage reporting off.
 */
export function storefrontServices(callerEnv: NodeJS.ProcessEnv): { subgraphs: ServiceSpec[]; gateway: ServiceSpec } {
  const env: NodeJS.ProcessEnv = { ...callerEnv, APOLLO_TELEMETRY_DISABLED: '1' };
  const portOf = (name: string, fallback: number) => Number(env[`${contextEnvName(name)}_PORT`] ?? fallback);
  for (const context of CONTEXTS) {
    const port = portOf(context.name, context.port);
    env[`${contextEnvName(context.name)}_PORT`] = String(port);
    env[`${contextEnvName(context.name)}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  const subgraphs = CONTEXTS.map((context) => ({
    name: context.name,
    entry: `subgraphs/${context.name}/src/main.ts`,
    env,
    readyUrl: `http://127.0.0.1:${portOf(context.name, context.port)}/ready`,
  }));
  const gatewayPort = Number(env.PORT ?? 4000);
  const gateway = { name: 'gateway', entry: 'gateway/src/main.ts', env: { ...env, PORT: String(gatewayPort) }, readyUrl: `http://127.0.0.1:${gatewayPort}/ready` };
  return { subgraphs, gateway };
}

/**
 * `pnpm dev --one-process`: every context and the gateway as one service, in one process
 * (docs/adr/0013), with the gateway's environment (which names every subgraph's port) and its /ready.
 */
export function oneProcessService(gateway: ServiceSpec): ServiceSpec {
  return { name: 'storefront', entry: 'scripts/system/one-process-main.ts', env: gateway.env, readyUrl: gateway.readyUrl };
}
