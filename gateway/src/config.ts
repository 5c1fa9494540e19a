import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_GATEWAY_SECRET, gatewaySecret, metricsAccess, portFrom, type MetricsAccess } from '@storefront/platform';
import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_SUBGRAPH_TIMEOUT_MS,
  flagFrom,
  integerFrom,
  queryLimitsFrom,
  rateLimitFrom,
  responseCacheFrom,
  trustProxyFrom,
  trustedDocumentsFrom,
  type QueryLimits,
  type RateLimitSettings,
} from './edge-settings';
import type { ResponseCacheSettings } from './response-cache/anonymous-response-cache';
import type { InProcessSubgraph } from './in-process-data-source';
import { subgraphUrlsFromEnv, supergraphSubgraphs } from './supergraph-subgraphs';
import { liveOrderSettingsFrom, type LiveOrderSettings } from './subscriptions/live-order-settings';

/** Development default only: production sets JWT_SECRET (see README, "Identity"). */
export const DEFAULT_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';

/**
 * Everything after `gatewaySecret` is optional so that a gateway started in code gets the same
 * defaults as one started from the environment, except rate limiting and trusted documents,
 * which are off unless given (see README, "Security model").
 */
export interface GatewayConfig {
  port: number;
  supergraphPath: string;
  /**
   * Where to call some of the supergraph's subgraphs, by name; any other is called at the URL
   * composition wrote in the supergraph (`@join__graph(url:)`).
   */
  subgraphUrls?: Readonly<Record<string, string>>;
  /**
   * Subgraphs running in this very process, by name (the one-process topology, docs/adr/0013): the
   * gateway runs their operations directly instead of over HTTP. Any other is called at its URL.
   */
  inProcessSubgraphs?: Readonly<Record<string, InProcessSubgraph>>;
  jwtSecret: string;
  gatewaySecret: string;
  /** When set, tokens must carry this `iss`. */
  jwtIssuer?: string;
  /** When set, tokens must carry this `aud`. */
  jwtAudience?: string;
  /** Production posture: introspection and GraphiQL default to off, development secrets refused. */
  production?: boolean;
  introspection?: boolean;
  graphiql?: boolean;
  queryLimits?: Partial<QueryLimits>;
  maxRequestBytes?: number;
  subgraphTimeoutMs?: number;
  rateLimit?: RateLimitSettings;
  /** Only the operations in this folder's `.graphql` files run. */
  trustedDocuments?: { directory: string };
  /** Identical subgraph reads in flight at once go out once (default on). */
  deduplicateSubgraphFetches?: boolean;
  /** Whole responses for anonymous callers, in Redis, for the max-age the subgraphs allow. */
  responseCache?: ResponseCacheSettings;
  /** Express's `trust proxy` setting, for the client address behind a load balancer. */
  trustProxy?: boolean | number | string;
  /** Who may scrape GET /metrics (README, "Observability"); by default open unless in production. */
  metrics?: MetricsAccess;
  /** The admin-only queue dashboard at /admin/queues, over these queues; off when absent. */
  queueDashboard?: { events: EventsConfig };
  /** Subscriptions (live order updates); off unless given. */
  liveOrders?: LiveOrderSettings;
}

/**
 * The gateway's settings, read once from the environment. A subgraph's URL is overridden by
 * `<NAME>_URL` (upper case, '-' as '_') for each subgraph the supergraph at SUPERGRAPH_PATH names.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const supergraphPath = env.SUPERGRAPH_PATH ?? path.resolve(__dirname, '..', 'supergraph.graphql');
  const subgraphUrls = subgraphUrlsFromEnv(supergraphSubgraphs(readFileSync(supergraphPath, 'utf8')), env);
  const production = env.GATEWAY_MODE ? env.GATEWAY_MODE === 'production' : env.NODE_ENV === 'production';
  return {
    port: portFrom(env, 'PORT', 4000),
    supergraphPath,
    subgraphUrls,
    jwtSecret: env.JWT_SECRET ?? DEFAULT_JWT_SECRET,
    gatewaySecret: gatewaySecret(env),
    ...(env.JWT_ISSUER ? { jwtIssuer: env.JWT_ISSUER } : {}),
    ...(env.JWT_AUDIENCE ? { jwtAudience: env.JWT_AUDIENCE } : {}),
    production,
    introspection: flagFrom(env, 'INTROSPECTION', !production),
    graphiql: flagFrom(env, 'GRAPHIQL', !production),
    queryLimits: queryLimitsFrom(env),
    maxRequestBytes: integerFrom(env, 'MAX_REQUEST_BYTES', DEFAULT_MAX_REQUEST_BYTES, 1024),
    subgraphTimeoutMs: integerFrom(env, 'SUBGRAPH_TIMEOUT_MS', DEFAULT_SUBGRAPH_TIMEOUT_MS, 1),
    rateLimit: rateLimitFrom(env),
    trustedDocuments: trustedDocumentsFrom(env),
    trustProxy: trustProxyFrom(env),
    metrics: metricsAccess(env, production),
    ...(flagFrom(env, 'QUEUE_DASHBOARD', !production) ? { queueDashboard: { events: eventsConfig(env) } } : {}),
    liveOrders: liveOrderSettingsFrom(env),
    deduplicateSubgraphFetches: flagFrom(env, 'DEDUPLICATE_SUBGRAPH_FETCHES', true),
    responseCache: responseCacheFrom(env),
  };
}

/** A production gateway must not run with the secrets the README publishes. */
export function assertProductionSecrets(config: GatewayConfig): void {
  if (!config.production) return;
  if (config.jwtSecret === DEFAULT_JWT_SECRET) throw new Error('JWT_SECRET must be set in production (the development default is public)');
  if (config.gatewaySecret === DEFAULT_GATEWAY_SECRET) throw new Error('GATEWAY_SHARED_SECRET must be set in production (the development default is public)');
}
