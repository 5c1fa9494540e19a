import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger } from '@storefront/platform';
import type { GatewayConfig } from '../config';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_QUERY_LIMITS } from '../edge-settings';
import type { GatewayContext } from '../subgraph-data-source';
import { serveEventStreams } from './event-stream-transport';
import { LiveOrders, type LiveOrderCounts } from './live-orders';
import { serveOverWebSocket } from './websocket-transport';

/** The gateway's subscriptions, running: the event-stream handler to mount on /graphql, counts, stop. */
export interface LiveOrderUpdates {
  eventStreams: RequestHandler;
  counts(): LiveOrderCounts;
  stop(): Promise<void>;
}

/**
 * Starts live order updates when the config asks for them (README, "Live order updates"): the
 * graphql-ws server on the HTTP server's upgrades to /graphql, and the handler for event streams.
 */
export async function startLiveOrderUpdates(
  config: GatewayConfig,
  running: { server: ApolloServer<GatewayContext>; httpServer: http.Server; supergraphSdl: string },
  log: Logger,
): Promise<LiveOrderUpdates | undefined> {
  if (!config.liveOrders) return undefined;
  const limits = { ...DEFAULT_QUERY_LIMITS, ...config.queryLimits };
  const live = new LiveOrders(running.server, running.supergraphSdl, limits, config.liveOrders, log);
  await live.ready;
  const policy = { ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}), ...(config.jwtAudience ? { audience: config.jwtAudience } : {}) };
  const websocket = serveOverWebSocket(running.httpServer, live, { secret: config.jwtSecret, policy }, config.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  return {
    eventStreams: serveEventStreams(live),
    counts: () => live.counts(),
    async stop() {
      await websocket.close();
      await live.close();
    },
  };
}
