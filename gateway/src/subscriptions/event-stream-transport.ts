import type { RequestHandler } from 'express';
import type { ExecutionResult } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { callerOf } from '../auth/caller';
import type { LiveOrders } from './live-orders';
import { LiveOrderStream } from './live-order-stream';
import { subscriberOf } from './subscriber';

const EVENT_STREAM = 'text/event-stream';

/**
 * Server-Sent Events on /graphql for `Accept: text/event-stream`: graphql-sse's "distinct
 * connections" mode, one subscription per request, so `curl -N` and a browser's EventSource work.
 * It runs after the edge has verified the caller's token (Authorization header) and rate limit.
 */
export function serveEventStreams(live: LiveOrders): RequestHandler {
  const handler = createHandler({
    onSubscribe(req, params) {
      const res = req.context.res;
      const caller = callerOf(res);
      // graphql-sse wants a result with a data key; a refused subscription has no data.
      if (caller.refusal) return { data: null, errors: [caller.refusal] };
      const subscriber = subscriberOf(caller.identity, caller.address);
      const started = live.subscribe(params, subscriber, () => res.destroy());
      // The stream's messages are already formatted results, sent as they are.
      return started instanceof LiveOrderStream ? (started as AsyncIterable<ExecutionResult>) : ({ data: null, ...started } as ExecutionResult);
    },
    onNext(_ctx, req) {
      const res = req.context.res;
      if (res.writableLength > live.settings.maxBufferedBytes) res.destroy();
    },
  });
  return (req, res, next) => {
    if (req.headers.accept !== EVENT_STREAM) return next();
    // `curl --data` labels its body as a form; an event stream's request body is JSON whatever its label.
    if (req.method === 'POST' && req.body === undefined) req.headers['content-type'] = 'application/json';
    void handler(req, res).catch(next);
  };
}
