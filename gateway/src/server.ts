import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import { createLogger, type RunningServer } from '@storefront/platform';
import { callerOf, identifyCaller } from './auth/caller';
import { assertProductionSecrets, type GatewayConfig } from './config';
import { DEFAULT_MAX_REQUEST_BYTES } from './edge-settings';
import { createGraphQLServer } from './graphql-server';
import { callerRateLimit } from './rate-limit/caller-rate-limit';
import { trustedDocuments } from './trusted-documents/trusted-documents';
import { httpErrorHandler } from './errors/http-error';
import { graphiqlRouter } from './graphiql/graphiql.router';
import { defaultQuery } from './graphiql/default-query';
import { readinessOf } from './readiness';
import { resolveSubgraphUrls, supergraphSubgraphs } from './supergraph-subgraphs';
import { graphqlTelemetry, mountObservability } from './telemetry/observability-routes';
import { startLiveOrderUpdates } from './subscriptions/live-order-updates';
import type { LiveOrderCounts } from './subscriptions/live-orders';

/** A running gateway; `liveOrders` counts its open subscriptions when it serves them. */
export type RunningGateway = RunningServer & { liveOrders?: () => LiveOrderCounts };

const log = createLogger('gateway');

/**
 * The gateway's HTTP edge. A request to /graphql passes, in order: the caller's token (verified
 * once), the caller's rate limit, the body limit and JSON parsing, the trusted documents when on,
 * then Apollo (query limits, planning, subgraph calls). See README, "Security model".
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  assertProductionSecrets(config);
  const production = config.production ?? false;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ?? false);
  const httpServer = http.createServer(app);
  const sdl = readFileSync(config.supergraphPath, 'utf8');
  const subgraphUrls = resolveSubgraphUrls(supergraphSubgraphs(sdl), config.subgraphUrls);
  const server = createGraphQLServer(config, { sdl, subgraphUrls }, httpServer, log);
  await server.start();
  // Subscriptions: graphql-ws on upgrades to /graphql, event streams mounted below (gateway/src/subscriptions).
  const liveOrders = await startLiveOrderUpdates(config, { server, httpServer, supergraphSdl: sdl }, log);
  const rateLimit = config.rateLimit ? callerRateLimit(config.rateLimit) : undefined;
  await rateLimit?.connected;
  const trusted = config.trustedDocuments ? trustedDocuments(config.trustedDocuments.directory) : undefined;

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const readiness = await readinessOf(subgraphUrls);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  const observability = mountObservability(app, config, log);
  const graphiql = config.graphiql ?? !production;
  if (graphiql) app.use(graphiqlRouter({ endpoint: '/graphql', defaultQuery, title: 'Storefront GraphQL' }));
  app.use(
    '/graphql',
    identifyCaller(config.jwtSecret, { issuer: config.jwtIssuer, audience: config.jwtAudience }),
    ...(rateLimit ? [rateLimit.middleware] : []),
    express.json({ limit: config.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES }),
    ...graphqlTelemetry(),
    ...(liveOrders ? [liveOrders.eventStreams] : []),
    ...(trusted ? [trusted.middleware] : []),
    expressMiddleware(server, {
      context: async ({ res }) => {
        const caller = callerOf(res);
        if (caller.refusal) throw caller.refusal;
        return { identity: caller.identity };
      },
    }),
  );
  app.use(httpErrorHandler(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, '127.0.0.1', resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  log.info(`GraphQL${graphiql ? ' and GraphiQL' : ''} at ${url}${production ? ' (production posture)' : ''}`);
  return {
    url,
    port,
    ...(liveOrders ? { liveOrders: liveOrders.counts } : {}),
    stop: async () => {
      await liveOrders?.stop();
      await server.stop();
      await rateLimit?.close();
      await observability.close();
    },
  };
}
