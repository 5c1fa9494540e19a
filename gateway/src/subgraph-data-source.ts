import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { createLogger, signSubgraphRequest, type Identity } from '@storefront/platform';
import type { VerifiedIdentity } from './auth/tokens';
import { observedFetcher } from './telemetry/subgraph-calls';
import type { InFlightDeduplication } from './subgraph-fetch/in-flight-deduplication';
import { httpFetcher } from './subgraph-fetch/http-fetcher';

const log = createLogger('gateway');

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
const audienceOf = (identity: Identity | null): string => (identity ? `${identity.subject}\u0000${[...identity.roles].sort().join(',')}` : '');

// Duck-typed, not `instanceof Error`: Node's own errors come from another realm under test runners.
const isTimeout = (error: unknown): boolean => {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TimeoutError' || name === 'AbortError' || (typeof message === 'string' && /aborted|timed? ?out/i.test(message));
};

/**
 * Talks to one subgraph. It forwards only the identity the gateway verified (its token's payload),
 * signed together with the request (ADR 0012), never the client's headers; it gives up on a call
 * that takes too long; and when the subgraph cannot be reached it reports which one, so that the
 * fields of the other subgraphs still come back with a precise error instead of a failed or hung
 * request.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
    private readonly options: SubgraphCallOptions,
  ) {
    super({ url });
    // Node's HTTP client: far less work per call than the default make-fetch-happen (an HTTP cache
    // the gateway never uses) or WHATWG fetch; each call a span and a metric.
    this.fetcher = observedFetcher(subgraph, httpFetcher(options.timeoutMs));
    if (options.deduplication) this.fetcher = options.deduplication.around(this.fetcher);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = 'identity' in context ? (context.identity ?? null) : null;
    const signed = signSubgraphRequest({ query: request.query ?? '', variables: request.variables ?? null }, identity?.token ?? null, this.secret);
    request.extensions = { ...request.extensions, ...signed };
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      const deduplication = this.options.deduplication;
      // Only a query's fetches share answers; a mutation's (and the reads planned after it) never do.
      if (deduplication && 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query') {
        const audience = audienceOf('identity' in options.context ? (options.context.identity ?? null) : null);
        return await deduplication.sharing({ audience }, () => super.process(options));
      }
      return await super.process(options);
    } catch (error) {
      const cause = describeFailure(error);
      log.warn(`the ${this.subgraph} service failed: ${cause}`);
      if (isTimeout(error)) {
        throw new GraphQLError(`The ${this.subgraph} service did not answer within ${this.options.timeoutMs} ms.`, {
          extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: this.subgraph },
        });
      }
      throw new GraphQLError(`The ${this.subgraph} service is unavailable${this.options.exposeCause ? `: ${cause}` : '.'}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph },
      });
    }
  }
}
