import type { FormattedExecutionResult } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import type { Identity } from './identity';

/** One operation a gateway in the same process asks of a subgraph: what it would have POSTed. */
export interface SubgraphOperation {
  query: string;
  variables?: Readonly<Record<string, unknown>>;
  operationName?: string;
}

/** What the subgraph would have answered over HTTP: the status, its Cache-Control header and the body. */
export interface SubgraphExecution {
  status: number;
  cacheControl: string | undefined;
  result: FormattedExecutionResult;
}

/** Runs an operation on a subgraph's own server, for a gateway in the same process. */
export type ExecuteInProcess = (operation: SubgraphOperation, identity: Identity | null) => Promise<SubgraphExecution>;

/**
 * A subgraph's operations run by a gateway in the same process (docs/adr/0013): through the very
 * Apollo Server, plugins and error formatting that serve its HTTP requests, with the context built
 * from the identity the gateway verified. No signature is checked: no network is crossed, and only
 * code in this process can call it.
 */
export function inProcessExecution<TContext extends object>(server: ApolloServer<TContext>, context: (identity: Identity | null) => TContext): ExecuteInProcess {
  return async (operation, identity) => {
    const response = await server.executeOperation(
      { query: operation.query, ...(operation.variables ? { variables: { ...operation.variables } } : {}), ...(operation.operationName ? { operationName: operation.operationName } : {}) },
      { contextValue: context(identity) },
    );
    // A subgraph answers a gateway's fetch in one part; incremental delivery is never asked for.
    if (response.body.kind !== 'single') throw new Error('The subgraph answered in several parts');
    return { status: response.http.status ?? 200, cacheControl: response.http.headers.get('cache-control'), result: response.body.singleResult };
  };
}
