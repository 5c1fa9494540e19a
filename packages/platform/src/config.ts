import { DEFAULT_GATEWAY_SECRET } from './identity';

type Env = Record<string, string | undefined>;

/** The prefix of a context's environment variables: `gift-cards` reads `GIFT_CARDS_PORT`, `GIFT_CARDS_URL`, ... */
export const contextEnvName = (context: string): string => context.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export function contextDatabaseUrl(context: string, env: Env = process.env): string {
  return env[`${contextEnvName(context)}_DATABASE_URL`] ?? `postgresql://postgres@127.0.0.1:5432/storefront_${context}`;
}

export function portFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

/** The secret the gateway signs forwarded identities with; subgraphs verify with the same one. */
export function gatewaySecret(env: Env = process.env): string {
  return env.GATEWAY_SHARED_SECRET ?? DEFAULT_GATEWAY_SECRET;
}

/** What every subgraph needs to run: its port, its own database, and the gateway's secret. */
export interface SubgraphConfig {
  port: number;
  databaseUrl: string;
  gatewaySecret: string;
}

/** Reads `<CONTEXT>_PORT` and `<CONTEXT>_DATABASE_URL` (with the given defaults) and the gateway secret. */
export function subgraphConfig(context: string, defaultPort: number, env: Env = process.env): SubgraphConfig {
  return {
    port: portFrom(env, `${contextEnvName(context)}_PORT`, defaultPort),
    databaseUrl: contextDatabaseUrl(context, env),
    gatewaySecret: gatewaySecret(env),
  };
}
