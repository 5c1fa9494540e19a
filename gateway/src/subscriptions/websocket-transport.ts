import type http from 'node:http';
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { TokenPolicy } from '../auth/tokens';
import type { LiveOrders } from './live-orders';
import { LiveOrderStream } from './live-order-stream';
import { identifySubscriber, type Subscriber } from './subscriber';

/** Close code for a connection dropped because it does not read what it is sent (graphql-ws leaves 4500-4999 free). */
export const SLOW_SUBSCRIBER_CLOSE_CODE = 4509;
const errorsOf = (result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }): GraphQLError[] =>
  (result.errors ?? []).map((error) => new GraphQLError(error.message, { extensions: error.extensions ?? {} }));

/**
 * The graphql-ws protocol on /graphql (what GraphiQL and the common clients speak). The token
 * travels in the connection's `connectionParams.authorization`, verified once when the connection
 * is initialised: one that does not verify closes the connection (4403).
 */
export function serveOverWebSocket(httpServer: http.Server, live: LiveOrders, auth: { secret: string; policy: TokenPolicy }, maxPayload: number): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload });
  const subscribers = new WeakMap<object, Subscriber>();
  const server = useServer(
    {
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        const address = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        try {
          subscribers.set(ctx, await identifySubscriber(typeof authorization === 'string' ? authorization : undefined, auth.secret, auth.policy, address));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe(ctx, _id, payload) {
        const subscriber = subscribers.get(ctx)!;
        // This subscription is already among ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > live.settings.maxPerConnection) {
          return [new GraphQLError(`At most ${live.settings.maxPerConnection} open subscriptions per connection.`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })];
        }
        const socket = ctx.extra.socket;
        const started = live.subscribe(payload, subscriber, () => socket.terminate());
        if (!(started instanceof LiveOrderStream)) return errorsOf(started);
        const operation = started.operation;
        return { schema: live.schema, document: operation.subscription, variableValues: operation.variables, operationName: operation.operationName, contextValue: { stream: started } } satisfies ExecutionArgs;
      },
      // The stream's messages are already formatted results; onNext hands them on as they are.
      subscribe: (args) => (args.contextValue as { stream: LiveOrderStream }).stream as AsyncIterable<ExecutionResult>,
      onNext(ctx, _id, _payload, _args, result) {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > live.settings.maxBufferedBytes) {
          socket.close(SLOW_SUBSCRIBER_CLOSE_CODE, 'Too slow: the subscriber does not read its messages');
          socket.terminate();
        }
        // Already formatted (and masked) by the gateway's Apollo Server.
        return result;
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
    },
  };
}
