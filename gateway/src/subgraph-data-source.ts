import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { signIdentityHeaders, type Identity } from '@storefront/platform';

export interface GatewayContext {
  identity: Identity | null;
}

/**
 * Talks to one subgraph. It forwards only the identity the gateway verified, signed, never the
 * client's headers; and when the subgraph cannot be reached it reports which one, so that the
 * fields of the other subgraphs still come back with a precise error instead of a failed request.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly secret: string,
  ) {
    super({ url });
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
      throw new GraphQLError(`The ${this.subgraph} service is unavailable: ${(error as Error).message}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph },
      });
    }
  }
}
