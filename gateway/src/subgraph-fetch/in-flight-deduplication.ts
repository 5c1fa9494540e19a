import { AsyncLocalStorage } from 'node:async_hooks';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

/** The gateway's fetch function for subgraph calls (`@apollo/utils.fetcher`'s shape). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** A subgraph's answer read once, handed to every caller that asked the same thing meanwhile. */
interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/**
 * Whether the fetch being made may share another's answer, and with whom: set around a subgraph
 * call by the data source, which knows the incoming operation and the caller; read by the fetcher.
 */
export interface SharingScope {
  /** Who the answer may be shared with: the same caller (subject and roles), or "" for anonymous ones. */
  audience: string;
}

/**
 * Identical subgraph fetches in flight at the same time go out once: the same URL, the same body
 * (query and variables) and the same audience. Only reads: a fetch outside a sharing scope (a
 * mutation's, or one the data source did not mark) always goes out on its own. The body carries the
 * caller's signed token payload too; the audience keeps the rule explicit whatever the body holds.
 */
export class InFlightDeduplication {
  private readonly scope = new AsyncLocalStorage<SharingScope>();
  private readonly inFlight = new Map<string, Promise<SharedAnswer>>();
  /** Subgraph fetches that went out, and those answered by one already in flight. */
  readonly counts = { sent: 0, shared: 0 };

  /** Runs a subgraph call whose fetches may share answers within the given audience. */
  sharing<T>(scope: SharingScope, call: () => Promise<T>): Promise<T> {
    return this.scope.run(scope, call);
  }

  /** The fetcher, sharing answers inside a sharing scope. */
  around(fetcher: Fetcher): Fetcher {
    return (url, init) => this.fetch(fetcher, url, init);
  }

  private async fetch(fetcher: Fetcher, url: string, init?: FetcherRequestInit): Promise<FetcherResponse> {
    const scope = this.scope.getStore();
    if (!scope || typeof init?.body !== 'string') {
      this.counts.sent += 1;
      return fetcher(url, init);
    }
    const key = `${url}\n${scope.audience}\n${init.body}`;
    let answer = this.inFlight.get(key);
    if (answer) {
      this.counts.shared += 1;
    } else {
      this.counts.sent += 1;
      answer = readOnce(fetcher, url, init).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, answer);
    }
    const { status, statusText, headers, body } = await answer;
    return new Response(body, { status, statusText, headers }) as unknown as FetcherResponse;
  }
}

async function readOnce(fetcher: Fetcher, url: string, init: FetcherRequestInit): Promise<SharedAnswer> {
  const response = await fetcher(url, init);
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.text() };
}
