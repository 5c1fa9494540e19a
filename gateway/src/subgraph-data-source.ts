import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { createLogger, signSubgraphRequest, type Identity } from '@storefront/platform';
import type { VerifiedIdentity } from './auth/tokens';
import { observedFetcher } from './telemetry/subgraph-calls';
import type { InFlightDeduplication } from './subgraph-fetch/in-flight-deduplication';
import { httpPost, type SubgraphAnswer, type SubgraphPost } from './subgraph-fetch/http-fetcher';
import { cacheHintOf } from './subgraph-fetch/cache-hint';

const log = createLogger('gateway');

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

export interface GatewayContext {
  identity: VerifiedIdentity | null;
}

export interface SubgraphCallOptions {
  /** A call that has not finished by then is abandoned; its fields get `SUBGRAPH_TIMEOUT`. */
  timeoutMs: number;
  /** Whether the client sees the low-level cause (addresses, ports); off in production. */
  exposeCause: boolean;
  /** When given, identical reads in flight at the same time go to the subgraph once. */
  deduplication?: InFlightDeduplication;
}

/** The error's message and its cause's, where there is one (e.g. ECONNREFUSED). */
const describeFailure = (error: unknown): string => {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  return typeof cause?.message === 'string' ? `${String(message)}: ${cause.message}` : String(message);
};

/** Who may share an answer: the caller's subject and roles, "" for every anonymous caller. */
export const audienceOf = (identity: Identity | null): string => (identity ? `${identity.subject}\u0000${[...identity.roles].sort().join(',')}` : '');

// Duck-typed, not `instanceof Error`: Node's own errors come from another realm under test runners.
const isTimeout = (error: unknown): boolean => {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TimeoutError' || name === 'AbortError' || (typeof message === 'string' && /aborted|timed? ?out/i.test(message));
};

/** The subgraph's JSON answer, or why there is none (a status other than 2xx, or a body that is not a JSON object). */
function graphqlResponseOf(answer: SubgraphAnswer): GatewayGraphQLResponse {
  if (answer.status < 200 || answer.status > 299) throw new Error(`${answer.status}: ${answer.statusText}`);
  const body: unknown = JSON.parse(answer.body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected a JSON object in the answer, but received: ${answer.body.slice(0, 100)}`);
  return body as GatewayGraphQLResponse;
}

/**
 * Talks to one subgraph. It forwards only the identity the gateway verified (its token's payload),
 * signed together with the request (ADR 0012), never the client's headers; it gives up on a call
 * that takes too long; and when the subgraph cannot be reached it reports which one, so that the
 * fields of the other subgraphs still come back with a precise error instead of a failed or hung
 * request. It does what Apollo's RemoteGraphQLDataSource does for this gateway (POST the fetch as
 * JSON, parse the answer, take the subgraph's Cache-Control into the response's cache policy)
 * without the node-fetch Request and Headers, the WHATWG Response and the AsyncLocalStorage around
 * every call, which cost more CPU than the call.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly post: SubgraphPost;

  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly secret: string,
    private readonly options: SubgraphCallOptions,
  ) {
    // Each call a span and a metric.
    this.post = observedFetcher(subgraph, httpPost(url, options.timeoutMs));
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const identity = 'identity' in options.context ? ((options.context as GatewayContext).identity ?? null) : null;
    const signed = signSubgraphRequest({ query: request.query, variables: request.variables ?? null }, identity?.token ?? null, this.secret);
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: { ...request.extensions, ...signed } });
    const headers = { 'content-type': 'application/json' };
    const incoming = options.kind === 'incoming operation' ? options.incomingRequestContext : null;
    try {
      const deduplication = this.options.deduplication;
      const send = () => this.post(body, headers);
      // Only a query's fetches share answers; a mutation's (and the reads planned after it) never do.
      const answer = deduplication && incoming?.operation?.operation === 'query' ? await deduplication.share(`${this.url}\n${audienceOf(identity)}\n${body}`, send) : await send();
      const response = graphqlResponseOf(answer);
      const policy = incoming?.overallCachePolicy;
      if (policy && 'restrict' in policy) policy.restrict(cacheHintOf(answer.headers['cache-control']));
      return response;
    } catch (error) {
      throw subgraphCallFailed(this.subgraph, describeFailure(error), isTimeout(error), this.options);
    }
  }
}

/**
 * What the gateway reports for a subgraph call that failed, over HTTP or in-process: logged with its
 * cause, then `SUBGRAPH_TIMEOUT` or `SUBGRAPH_UNAVAILABLE` for that subgraph's fields only.
 */
export function subgraphCallFailed(subgraph: string, cause: string, timedOut: boolean, options: SubgraphCallOptions): GraphQLError {
  log.warn(`the ${subgraph} service failed: ${cause}`);
  if (timedOut) {
    return new GraphQLError(`The ${subgraph} service did not answer within ${options.timeoutMs} ms.`, {
      extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: subgraph },
    });
  }
  return new GraphQLError(`The ${subgraph} service is unavailable${options.exposeCause ? `: ${cause}` : '.'}`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph },
  });
}
