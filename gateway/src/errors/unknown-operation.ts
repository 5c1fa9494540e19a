import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * A document whose operation cannot be chosen (an `operationName` it does not contain, or several
 * operations and no name) is the client's mistake. Left alone, the gateway's planner throws on it
 * and Apollo answers 500; refused here, it is a 400 before anything is planned.
 */
export const unknownOperationPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide an operation name when the document has several operations.';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};
