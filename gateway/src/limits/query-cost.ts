import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryLimitError } from './query-limit-error';

/** A field with `first` (or `last`) returns up to that many items: its selection costs that many times. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (size === undefined) return undefined;
  return 1 + Math.max(0, size) * childComplexity;
};

const estimators = [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * The cost of one operation with its variables: each field 1 plus its selection, a page of
 * `first: n` n times its selection (argument defaults apply: `products` without `first` is 20).
 * Throws when the document expands (through fragments) past graphql-query-complexity's node cap.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, estimators, ...(operationName ? { operationName } : {}) });
}

const TOO_MANY_NODES = /maximum allowed number of nodes/;

/**
 * Refuses an operation whose cost is above `maxCost` once its variables are known, before the
 * query is planned or any subgraph is called. Variables that do not fit their types are left to
 * execution, which answers them with BAD_USER_INPUT.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, operationName }) {
          if (!operation) return;
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            if (TOO_MANY_NODES.test((error as Error).message)) throw queryLimitError('QUERY_TOO_COSTLY', 'The query expands to too many fields.');
            return;
          }
          if (cost > maxCost) throw queryLimitError('QUERY_TOO_COSTLY', `Query cost limit of ${maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
}
