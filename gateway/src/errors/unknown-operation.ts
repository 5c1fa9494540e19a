import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

const badOperation = (message: string) => new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });

/**
 * An operation the gateway cannot run is the client's mistake: an `operationName` the document
 * does not contain, several operations and no name, or an operation type the graph does not have
 * (subscriptions). graphql-js 16 does not validate the last one, and the gateway's planner throws
 * on all three, which Apollo answers with a 500; refused here, each is a 400 before any planning.
 */
export const unknownOperationPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, schema }) {
        if (!operation) {
          throw badOperation(request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide an operation name when the document has several operations.');
        }
        if (!schema.getRootType(operation.operation)) throw badOperation(`This graph has no ${operation.operation} operations.`);
      },
    };
  },
};
