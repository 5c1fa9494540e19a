// First: how the gateway reaches two of Apollo's library functions on every request (see the module).
import './apollo-hot-paths';
import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '@storefront/platform';
import type { GatewayConfig } from './config';
import { DEFAULT_QUERY_LIMITS, DEFAULT_SUBGRAPH_TIMEOUT_MS } from './edge-settings';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';
import { InProcessDataSource } from './in-process-data-source';
import { queryLimitRules } from './limits/query-limit-rules';
import { queryCostPlugin } from './limits/query-cost';
import { gatewayErrorFormat } from './errors/gateway-error-format';
import { unknownOperationPlugin } from './errors/unknown-operation';
import { InFlightDeduplication } from './subgraph-fetch/in-flight-deduplication';
import { anonymousResponseCache } from './response-cache/anonymous-response-cache';

/**
 * Apollo Server over the gateway: the committed supergraph (composed at build time, never by
 * introspection), the query limits, the production posture and the error masking.
 */
export function createGraphQLServer(
  config: GatewayConfig,
  supergraph: { sdl: string; subgraphUrls: Readonly<Record<string, string>> },
  httpServer: http.Server,
  log: Logger,
): ApolloServer<GatewayContext> {
  const production = config.production ?? false;
  const limits = { ...DEFAULT_QUERY_LIMITS, ...config.queryLimits };
  const callOptions = {
    timeoutMs: config.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS,
    exposeCause: !production,
    ...((config.deduplicateSubgraphFetches ?? true) ? { deduplication: new InFlightDeduplication() } : {}),
  };
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name }) => {
      const inProcess = config.inProcessSubgraphs?.[name];
      if (inProcess) return new InProcessDataSource(name, inProcess, callOptions);
      const url = supergraph.subgraphUrls[name];
      if (!url) throw new Error(`The supergraph's subgraph "${name}" has no URL`);
      return new SubgraphDataSource(name, url, config.gatewaySecret, callOptions);
    },
  });
  return new ApolloServer<GatewayContext>({
    gateway,
    // runMain alone handles SIGINT/SIGTERM. With Apollo's handler too, stop() ran twice at once, and
    // Apollo Server's second, concurrent stop() waits on a barrier that a successful first stop never
    // releases: runMain's stop never finished, so the rate limiter's Redis connection was never closed
    // and kept the process alive for good (without a rate limit nothing held the event loop, which hid it).
    // Tests never saw it: Apollo installs no handler when NODE_ENV is "test", as jest sets it.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), unknownOperationPlugin, queryCostPlugin(limits.maxCost),
      ...(config.responseCache ? anonymousResponseCache(config.responseCache) : [])],
    validationRules: queryLimitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    introspection: config.introspection ?? !production,
    // Suggestions ("Did you mean …?") would describe the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let anyone fill a cache; trusted documents are the by-hash mode.
    persistedQueries: false,
    formatError: gatewayErrorFormat(log),
    includeStacktraceInErrorResponses: false,
  });
}
