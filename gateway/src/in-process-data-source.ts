import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ExecuteInProcess, Identity, SubgraphExecution } from '@storefront/platform';
import { audienceOf, subgraphCallFailed, type GatewayContext, type SubgraphCallOptions } from './subgraph-data-source';
import { observedFetcher } from './telemetry/subgraph-calls';
import { cacheHintOf } from './subgraph-fetch/cache-hint';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A subgraph running in the gateway's own process (the one-process topology, docs/adr/0013). */
export interface InProcessSubgraph {
  execute: ExecuteInProcess;
}

class SubgraphTimeout extends Error {
  // The name the gateway's metrics count as a timeout (telemetry/subgraph-calls.ts).
  override name = 'TimeoutError';
}

/** The subgraph's answer, or the timeout's error once `timeoutMs` have passed without one. */
function withinTimeout<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SubgraphTimeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/**
 * Calls a subgraph that runs in this process, as SubgraphDataSource calls one over HTTP, with the
 * same contract: the subgraph sees the identity the gateway verified (passed as it is, since no
 * network is crossed there is nothing to sign), its Cache-Control restricts the response's cache
 * policy, an answer other than 2xx or a failure is `SUBGRAPH_UNAVAILABLE` for that subgraph's fields
 * only, a late one `SUBGRAPH_TIMEOUT`, and identical reads in flight run once (queries only). A
 * shared answer is handed out as a copy to every caller but the first: the gateway merges answers
 * into its result, and over HTTP each caller parses its own.
 */
export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly execute: (operation: Parameters<ExecuteInProcess>[0], identity: Identity | null) => Promise<SubgraphExecution>;

  constructor(
    private readonly subgraph: string,
    target: InProcessSubgraph,
    private readonly options: SubgraphCallOptions,
  ) {
    // Each call a span and a metric, as over HTTP.
    this.execute = observedFetcher(subgraph, (operation: Parameters<ExecuteInProcess>[0], identity: Identity | null) => withinTimeout(target.execute(operation, identity), options.timeoutMs));
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const verified = 'identity' in options.context ? ((options.context as GatewayContext).identity ?? null) : null;
    // What a subgraph reads of a verified token over HTTP too (identity.ts): the subject and the roles.
    const identity: Identity | null = verified ? { subject: verified.subject, roles: verified.roles } : null;
    const operation = { query: request.query, ...(request.variables ? { variables: request.variables } : {}), ...(request.operationName ? { operationName: request.operationName } : {}) };
    const incoming = options.kind === 'incoming operation' ? options.incomingRequestContext : null;
    try {
      const deduplication = this.options.deduplication;
      let execution: SubgraphExecution;
      // Only a query's fetches share answers; a mutation's (and the reads planned after it) never do.
      if (deduplication && incoming?.operation?.operation === 'query') {
        const key = `${this.subgraph}\n${audienceOf(identity)}\n${JSON.stringify(operation)}`;
        const shared = await deduplication.share(key, async () => ({ execution: await this.execute(operation, identity), handedOut: false }));
        execution = shared.handedOut ? structuredClone(shared.execution) : shared.execution;
        shared.handedOut = true;
      } else {
        execution = await this.execute(operation, identity);
      }
      if (execution.status < 200 || execution.status > 299) throw new Error(`${execution.status}: ${execution.result.errors?.[0]?.message ?? 'no answer'}`);
      const policy = incoming?.overallCachePolicy;
      if (policy && 'restrict' in policy) policy.restrict(cacheHintOf(execution.cacheControl));
      return execution.result as GatewayGraphQLResponse;
    } catch (error) {
      throw subgraphCallFailed(this.subgraph, error instanceof Error ? error.message : String(error), error instanceof SubgraphTimeout, this.options);
    }
  }
}
