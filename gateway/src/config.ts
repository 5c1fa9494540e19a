import path from 'node:path';
import { gatewaySecret, portFrom } from '@storefront/platform';

export const SUBGRAPHS = ['catalog', 'inventory', 'shipping'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const DEFAULT_PORTS: Record<SubgraphName, number> = { catalog: 4001, inventory: 4002, shipping: 4005 };

/** Development default only: production sets JWT_SECRET (see README, "Identity"). */
export const DEFAULT_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';

export interface GatewayConfig {
  port: number;
  supergraphPath: string;
  subgraphUrls: Record<SubgraphName, string>;
  jwtSecret: string;
  gatewaySecret: string;
}

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
}

/** The gateway's settings, read once from the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map((name) => [name, env[`${name.toUpperCase()}_URL`] ?? defaultSubgraphUrl(name)]),
  ) as Record<SubgraphName, string>;
  return {
    port: portFrom(env, 'PORT', 4000),
    supergraphPath: env.SUPERGRAPH_PATH ?? path.resolve(__dirname, '..', 'supergraph.graphql'),
    subgraphUrls,
    jwtSecret: env.JWT_SECRET ?? DEFAULT_JWT_SECRET,
    gatewaySecret: gatewaySecret(env),
  };
}
