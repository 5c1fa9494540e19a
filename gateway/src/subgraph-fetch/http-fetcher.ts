import http from 'node:http';
import https from 'node:https';

// Kept-alive connections to the subgraphs, as many as the moment needs.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** A subgraph's whole answer: read once, never changed, so callers that asked the same thing may share it. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  /** Node's header names, lower case. */
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends one JSON body to a subgraph and reads its whole answer. */
export type SubgraphPost = (body: string, headers: Readonly<Record<string, string>>) => Promise<SubgraphAnswer>;

/** A call abandoned after the gateway's subgraph timeout; the data source answers it with SUBGRAPH_TIMEOUT. */
const timedOut = (timeoutMs: number) => Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' });

/**
 * POSTs to one subgraph with Node's own HTTP client on kept-alive connections. The gateway only
 * ever sends a JSON body and reads a JSON answer; WHATWG fetch (undici) and its Request, Response,
 * Headers, streams and AbortSignal around that cost the gateway as much CPU as the rest of a small
 * query's planning and shaping. The URL is parsed once, and a plain timer bounds the call.
 */
export function httpPost(url: string, timeoutMs: number): SubgraphPost {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const options = { protocol: target.protocol, hostname: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: 'POST', agent: agents[target.protocol as keyof typeof agents] };
  return (body, headers) =>
    new Promise<SubgraphAnswer>((resolve, reject) => {
      const request = client.request({ ...options, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 502, statusText: response.statusMessage ?? '', headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      const timer = setTimeout(() => request.destroy(timedOut(timeoutMs)), timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      request.on('error', fail);
      request.end(body);
    });
}
