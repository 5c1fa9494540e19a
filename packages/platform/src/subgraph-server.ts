import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { DocumentNode } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Identity } from './identity';
import { formatError } from './format-error';
import { operationCachePolicy } from './operation-cache-policy';
import { createLogger } from './logger';
import { counter, type QueryCounter } from './query-counter';
import { collectProcessMetrics, metricsAccess, metricsEndpoint, type MetricsAccess } from './telemetry/metrics';
import { subgraphGraphqlRoute } from './subgraph-graphql-route';
import { inProcessExecution, type ExecuteInProcess } from './in-process-execution';

/**
 * A module's resolvers as `buildSubgraphSchema` takes them, read from its public signature (the package
 * does not export the type). Each context types its own with the resolver types generated from its SDL.
 */
type SubgraphResolvers = NonNullable<Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>['resolvers']>;

export interface SubgraphOptions<TContext extends object> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  port: number;
  host?: string;
  gatewaySecret: string;
  /** Builds the per-request context from the identity the gateway verified. */
  context: (identity: Identity | null) => TContext;
  /** The context's own database: /ready asks it, and it is closed after the server has drained. */
  database: SubgraphDatabase;
  /** Who may scrape GET /metrics; by default read from METRICS_TOKEN and NODE_ENV. */
  metrics?: MetricsAccess;
}

/** What the server needs of a context's Prisma client. */
export interface SubgraphDatabase {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RunningSubgraphServer extends RunningServer {
  /** GraphQL requests that reached this subgraph (signed or not), for tests that assert nobody asked. */
  requests: QueryCounter;
  /** Runs an operation for a gateway in the same process, without HTTP (docs/adr/0013); `requests` does not count it. */
  execute: ExecuteInProcess;
}

/**
 * Serves a Federation 2 subgraph. Only requests signed by the gateway reach the schema: anything
 * else is refused with 401 before GraphQL runs, so no client can speak for someone else.
 */
export async function startSubgraphServer<TContext extends object>(options: SubgraphOptions<TContext>): Promise<RunningSubgraphServer> {
  const log = createLogger(options.name);
  const app = express();
  const requests = counter();
  const httpServer = http.createServer();
  const server = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    // The cache policy once per operation, not Apollo's hook on every resolved field (operation-cache-policy.ts).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), operationCachePolicy()],
    // runMain owns SIGINT/SIGTERM (stop, then exit): one handler, not Apollo's too, whose concurrent
    // second stop() would never settle (see the gateway's graphql-server.ts).
    stopOnTerminationSignals: false,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  const graphql = subgraphGraphqlRoute(server, { name: options.name, gatewaySecret: options.gatewaySecret, context: options.context, requests });
  // /graphql (every method: only a signed POST gets past the signature) on the HTTP server itself, the rest through express.
  httpServer.on('request', (req, res) => (isGraphqlPath(req.url) ? graphql(req, res) : app(req, res)));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: options.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await options.database.$queryRawUnsafe('SELECT 1');
      res.json({ status: 'ready', subgraph: options.name });
    } catch (error) {
      log.error('not ready', error);
      res.status(503).json({ status: 'unavailable', subgraph: options.name });
    }
  });
  collectProcessMetrics(options.name);
  app.get('/metrics', metricsEndpoint(options.metrics ?? metricsAccess(process.env, process.env.NODE_ENV === 'production')));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  log.info(`listening on ${url}`);
  return {
    url,
    port,
    requests,
    execute: inProcessExecution(server, options.context),
    async stop() {
      await server.stop();
      await options.database.$disconnect();
    },
  };
}

/** `/graphql` as express matched it: any case, an optional trailing slash, any query string. */
function isGraphqlPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]!.toLowerCase();
  return path === '/graphql' || path === '/graphql/';
}
