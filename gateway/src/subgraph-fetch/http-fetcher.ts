import http from 'node:http';
import https from 'node:https';
import type { Fetcher } from './in-flight-deduplication';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

// Kept-alive connections to the subgraphs, as many as the moment needs.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * Calls a subgraph with Node's own HTTP client on kept-alive connections and reads the whole
 * answer. The gateway only ever POSTs a JSON body and reads a JSON answer; WHATWG fetch (undici)
 * adds streams, request and header objects around that, which cost the gateway about as much CPU
 * as the rest of a small query's planning and shaping.
 */
export function httpFetcher(timeoutMs: number): Fetcher {
  return (url, init) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: init?.method ?? 'GET',
          headers: init?.headers as http.OutgoingHttpHeaders | undefined,
          agent: agents[target.protocol as keyof typeof agents],
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const status = response.statusCode ?? 502;
            // Statuses Response refuses a body for never carry one from a GraphQL server.
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers }) as unknown as FetcherResponse);
          });
        },
      );
      request.on('error', reject);
      request.end(init?.body);
    });
}
