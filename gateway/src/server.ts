import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { createLogger, type RunningServer } from '@storefront/platform';
import { identityFromAuthorization } from './auth/tokens';
import { SUBGRAPHS, type GatewayConfig, type SubgraphName } from './config';
import { SubgraphDataSource, type GatewayContext } from './subgraph-data-source';
import { graphiqlRouter } from './graphiql/graphiql.router';
import { defaultQuery } from './graphiql/default-query';
import { readinessOf } from './readiness';

const log = createLogger('gateway');

/**
 * The gateway: serves the committed supergraph (composed at build time, never by introspection),
 * verifies who is calling, and plans each query over the subgraphs.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningServer> {
  const subgraphNames = new Set<string>(SUBGRAPHS);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) => {
      if (!subgraphNames.has(name)) throw new Error(`The supergraph names a subgraph "${name}" this gateway has no URL for`);
      return new SubgraphDataSource(name, config.subgraphUrls[name as SubgraphName], config.gatewaySecret);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const readiness = await readinessOf(config.subgraphUrls);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.use(graphiqlRouter({ endpoint: '/graphql', defaultQuery, title: 'Storefront GraphQL' }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({ identity: await identityFromAuthorization(req.headers.authorization, config.jwtSecret) }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, '127.0.0.1', resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  log.info(`GraphQL and GraphiQL at ${url}`);
  return { url, port, stop: () => server.stop() };
}
