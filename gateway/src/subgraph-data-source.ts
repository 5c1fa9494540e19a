import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { createLogger, signIdentityHeaders, type Identity } from '@storefront/platform';
import { observedFetcher } from './telemetry/subgraph-calls';

const log = createLogger('gateway');

export interface GatewayContext {
  identity: Identity | null;
}

export interface SubgraphCallOptions {
  /** A call that has not finished by then is abandoned; its fields get `SUBGRAPH_TIMEOUT`. */
  timeoutMs: number;
  /** Whether the client sees the low-level cause (addresses, ports); off in production. */
  exposeCause: boolean;
}

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || /aborted|timed? ?out/i.test(error.message));

/**
 * Talks to one subgraph. It forwards only the identity the gateway verified, signed, never the
 * client's headers; it gives up on a call that takes too long; and when the subgraph cannot be
 * reached it reports which one, so that the fields of the other subgraphs still come back with a
 * precise error instead of a failed or hung request.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
    private readonly options: SubgraphCallOptions,
  ) {
    super({ url });
    const fetchWithoutLimit = this.fetcher;
    this.fetcher = observedFetcher(subgraph, (input, init) => fetchWithoutLimit(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) }));
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = 'identity' in context ? (context.identity ?? null) : null;
    for (const [name, value] of Object.entries(signIdentityHeaders(identity, this.secret))) {
      request.http?.headers.set(name, value);
    }
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      const cause = (error as Error).message;
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
