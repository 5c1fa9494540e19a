import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, trace } from '@opentelemetry/api';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { verifySubgraphRequest, type Identity } from './identity';
import { timeGraphqlRequest } from './telemetry/metrics';
import { startOperationSpan } from './telemetry/graphql-operation';

/** The largest request body a subgraph reads: a hundred entity references are a few kilobytes. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export interface SubgraphGraphqlRouteOptions<TContext extends object> {
  name: string;
  gatewaySecret: string;
  context: (identity: Identity | null) => TContext;
  /** Counts every request that reaches the route, signed or not. */
  requests: { add(): void };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The subgraph's /graphql route on Node's HTTP server itself: the body read and parsed once, the
 * gateway's signature checked, then Apollo Server runs the operation. Every request of a page
 * comes this way, a hundred entities at a time, so it does without a web framework's per-request
 * work (routing layers, a body parser's content checks, an ETag hashed over every answer).
 * Bodies that are not JSON are never parsed and so carry no signature: 401, as for any unsigned request.
 */
export function subgraphGraphqlRoute<TContext extends object>(server: ApolloServer<TContext>, options: SubgraphGraphqlRouteOptions<TContext>): Handler {
  const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    const verdict = verifySubgraphRequest(body, options.gatewaySecret);
    if (!verdict.ok) {
      refuse(res, 401, 'UNAUTHENTICATED', `Requests must come through the gateway (${verdict.reason}).`);
      return;
    }
    const answered = timeGraphqlRequest(body);
    res.once('finish', () => answered(res.statusCode));
    const span = startOperationSpan(options.name, body);
    if (span) res.once('close', () => span.end());
    const execute = () => server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: req.method ?? 'POST', headers: headerMap(req), search: searchOf(req.url), body }, context: async () => options.context(verdict.identity) });
    const response = await (span ? context.with(trace.setSpan(context.active(), span), execute) : execute());
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => {
    options.requests.add();
    const declared = Number(req.headers['content-length']);
    if (declared > BODY_LIMIT_BYTES) {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
      req.resume();
      return;
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `The request body must not be encoded (got "${encoding}").`);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (length > BODY_LIMIT_BYTES) {
        refuse(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
        return;
      }
      let body: unknown;
      if (length > 0 && isJson(req.headers['content-type'])) {
        try {
          body = JSON.parse(Buffer.concat(chunks, length).toString('utf8'));
        } catch {
          refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
          return;
        }
      }
      serve(req, res, body).catch((error: unknown) => {
        if (!res.headersSent) refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'The request failed.');
        else res.destroy(error instanceof Error ? error : undefined);
      });
    });
  };
}

/** `application/json`, with or without parameters; a charset other than UTF-8 is not read as JSON. */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.toLowerCase().split(';').map((part) => part.trim());
  return type === 'application/json' && parameters.every((parameter) => !parameter.startsWith('charset=') || parameter === 'charset=utf-8');
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

function searchOf(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return at >= 0 ? url!.slice(at) : '';
}
