import type { Express, RequestHandler } from 'express';
import { collectProcessMetrics, graphqlOperationSpan, graphqlRequestMetrics, metricsEndpoint, type Logger } from '@storefront/platform';
import { adminOnly, queueDashboard, QUEUE_DASHBOARD_PATH } from '../admin/queue-dashboard';
import type { GatewayConfig } from '../config';

/** After body parsing on /graphql: the request's metrics by operation, and the span named after the operation. */
export function graphqlTelemetry(): RequestHandler[] {
  return [graphqlRequestMetrics(), graphqlOperationSpan('gateway')];
}

/**
 * GET /metrics for the scraper and, when enabled, the admin's queue dashboard at /admin/queues.
 * Both stay off the GraphQL route. Returns what closes the dashboard's Redis connection.
 */
export function mountObservability(app: Express, config: GatewayConfig, log: Logger): { close(): Promise<void> } {
  collectProcessMetrics('gateway');
  app.get('/metrics', metricsEndpoint(config.metrics ?? { production: config.production ?? false }));
  if (!config.queueDashboard) return { close: async () => undefined };
  if (config.queueDashboard.events.backend !== 'redis') {
    log.warn('the queue dashboard needs the Redis backend (Bull Board reads queues through Redis): /admin/queues is off; `pnpm events failed` works on both');
    return { close: async () => undefined };
  }
  const dashboard = queueDashboard(config.queueDashboard.events);
  app.use(QUEUE_DASHBOARD_PATH, adminOnly(config.jwtSecret, { issuer: config.jwtIssuer, audience: config.jwtAudience }), dashboard.router);
  log.info(`queue dashboard (admins only) at ${QUEUE_DASHBOARD_PATH}`);
  return dashboard;
}
