// Browser entry for the gateway's GraphiQL page. Bundled by esbuild on the server
// (see src/graphiql/graphiql-assets.ts), so the page needs nothing beyond its own origin.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

/** Written by the server into <script type="application/json" id="graphiql-config">. */
interface PageConfig {
  title: string;
  endpoint: string;
  defaultQuery: string;
  workers: { editor: string; json: string; graphql: string };
}

const config = JSON.parse(
  document.getElementById('graphiql-config')?.textContent ?? '{}',
) as PageConfig;

// Monaco runs its language services in web workers and, once bundled, has no
// way to find them on its own: point it at the gateway's worker files.
// Labels other than json/graphql are served by the generic editor worker.
Object.assign(globalThis, {
  MonacoEnvironment: {
    getWorker(_workerId: string, label: string): Worker {
      const url = label === 'json' || label === 'graphql' ? config.workers[label] : config.workers.editor;
      return new Worker(url, { name: label });
    },
  },
});

// Subscriptions go over graphql-ws on the same path; the headers editor's
// Authorization travels in connectionParams, one connection per token.
const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${config.endpoint}`;
const sockets = new Map<string, Client>();
const socketFor = (authorization: string): Client => {
  let client = sockets.get(authorization);
  if (!client) {
    client = createClient({ url: socketUrl, connectionParams: authorization ? { authorization } : {} });
    sockets.set(authorization, client);
  }
  return client;
};

const isSubscription = (query: string, operationName?: string | null): boolean => {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false; // the gateway answers a syntax error better than this page would
  }
};

const headerNamed = (headers: Record<string, unknown> | undefined, name: string): string => {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : '';
};

// Queries and mutations are a plain same-origin POST: the gateway does not
// speak incremental delivery, so the toolkit's fetcher would only add weight.
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  if (isSubscription(params.query, params.operationName)) {
    return socketFor(headerNamed(options?.headers, 'authorization')).iterate({
      query: params.query,
      variables: params.variables ?? {},
      ...(params.operationName ? { operationName: params.operationName } : {}),
    });
  }
  const response = await fetch(config.endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

const root = document.getElementById('graphiql');
if (root) {
  const props: GraphiQLProps = {
    fetcher,
    defaultQuery: config.defaultQuery,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: true,
  };
  // The docs explorer is GraphiQL's default reference plugin: nothing to add.
  createRoot(root).render(createElement(GraphiQL, props, createElement(GraphiQL.Logo, null, config.title)));
}
