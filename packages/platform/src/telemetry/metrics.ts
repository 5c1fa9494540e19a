import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client';
import { operationNameOf } from './graphql-operation';

/**
 * The process's Prometheus registry. Every process with an HTTP port serves it at GET /metrics;
 * each metric is documented in the README ("Observability").
 */
export const metricsRegistry = register;

let defaultsCollected = false;

/** Node's own metrics (CPU, memory, event loop lag, GC), labelled with the service; once per process. */
export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  register.setDefaultLabels({ service });
  collectDefaultMetrics({ register });
}

/** A counter in the process's registry; defining the same name twice gives the same counter. */
export function defineCounter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [register] });
}

export function defineHistogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[] = LATENCY_BUCKETS): Histogram<L> {
  return (register.getSingleMetric(name) as Histogram<L> | undefined) ?? new Histogram({ name, help, labelNames, buckets, registers: [register] });
}

/** A gauge whose value is read when Prometheus scrapes (a queue's depth, the outbox's backlog). */
export function defineGauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
  return (
    (register.getSingleMetric(name) as Gauge<L> | undefined) ??
    new Gauge({ name, help, labelNames, registers: [register], async collect() { await collect(this); } })
  );
}

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Keeps a label's values bounded: the first `max` distinct values are used as they are, any later
 * one becomes `other`. Clients name their operations, and a series per invented name would grow
 * the process's memory without end.
 */
export function boundedLabel(max: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return 'other';
    seen.add(value);
    return value;
  };
}

const operationLabel = boundedLabel(200);

/** GraphQL requests served, by operation name and outcome (ok, error), at the gateway and at each subgraph. */
export const graphqlRequests = defineCounter('graphql_requests_total', 'GraphQL requests served, by operation and outcome', ['operation', 'outcome']);
export const graphqlRequestDuration = defineHistogram('graphql_request_duration_seconds', 'Time to answer a GraphQL request, by operation', ['operation']);

/**
 * Counts and times one GraphQL request, from its parsed body (for the operation name); the returned
 * function records it once answered with `status`. The outcome is what the HTTP status says, and a
 * 200 carrying GraphQL errors counts as ok: those errors are the typed results of the schema.
 */
export function timeGraphqlRequest(body: unknown): (status: number) => void {
  const operation = operationLabel(operationNameOf(body));
  const stop = graphqlRequestDuration.startTimer({ operation });
  return (status) => {
    stop();
    graphqlRequests.inc({ operation, outcome: status < 400 ? 'ok' : 'error' });
  };
}

/** Counts and times the GraphQL requests of one route (timeGraphqlRequest); runs after express.json. */
export function graphqlRequestMetrics(): RequestHandler {
  return (req, res, next) => {
    const answered = timeGraphqlRequest(req.body);
    res.once('finish', () => answered(res.statusCode));
    next();
  };
}

export interface MetricsAccess {
  /** When set, the scraper must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** In production /metrics is refused unless a token is set. */
  production: boolean;
}

/** Who may scrape, from METRICS_TOKEN; read once. */
export function metricsAccess(env: Record<string, string | undefined>, production: boolean): MetricsAccess {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return { token, production };
}

const sameSecret = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * GET /metrics in the Prometheus text format. Open in development; in production only with a
 * METRICS_TOKEN, which the scraper sends as a bearer token (a public port must not tell anyone the
 * queue depths and operation names).
 */
export function metricsEndpoint(access: MetricsAccess): RequestHandler {
  return async (req, res) => {
    if (access.token === undefined && access.production) {
      res.status(404).type('text/plain').send('metrics are off in production unless METRICS_TOKEN is set\n');
      return;
    }
    if (access.token !== undefined && !sameSecret(req.headers.authorization ?? '', `Bearer ${access.token}`)) {
      res.status(401).type('text/plain').send('metrics need the scraper token (Authorization: Bearer <METRICS_TOKEN>)\n');
      return;
    }
    res.type(register.contentType).send(await register.metrics());
  };
}
