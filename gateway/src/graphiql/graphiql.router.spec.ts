import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { graphiqlRouter } from './graphiql.router';

// The first page request bundles GraphiQL with esbuild (about a second or two).
jest.setTimeout(60_000);

describe('graphiqlRouter', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const app = express();
    app.use(graphiqlRouter({ endpoint: '/graphql', defaultQuery: '{ __typename }', title: 'Test <GraphiQL>' }));
    // Stands in for Apollo: whatever the router passes on ends up here.
    app.get('/graphql', (_req, res) => {
      res.json({ handledBy: 'graphql' });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${baseUrl}${path}`, { headers });

  it.each(['application/json', 'application/graphql-response+json', '*/*'])(
    'leaves GET %s requests to the GraphQL server',
    async (accept) => {
      const response = await get('/graphql?query=%7B__typename%7D', { accept });
      expect(await response.json()).toEqual({ handledBy: 'graphql' });
    },
  );

  it('serves the page to browsers, with the query and escaped title', async () => {
    const response = await get('/graphql', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('<title>Test &lt;GraphiQL&gt;</title>');
    expect(html).toContain('"defaultQuery":"{ __typename }"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves every asset the page names, cacheable for good', async () => {
    const html = await (await get('/graphql', { accept: 'text/html' })).text();
    const assetPaths = [...html.matchAll(/\/graphiql\/assets\/[0-9a-f]+\/[\w.]+/g)].map(([path]) => path);
    expect(assetPaths.map((path) => path.split('/').pop()).sort()).toEqual([
      'editor.worker.js',
      'graphiql.css',
      'graphiql.js',
      'graphql.worker.js',
      'json.worker.js',
    ]);
    for (const path of assetPaths) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(
        path.endsWith('.css') ? /^text\/css; charset=utf-8$/ : /^text\/javascript; charset=utf-8$/,
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers 404 for an unknown asset version', async () => {
    const response = await get('/graphiql/assets/000000000000/graphiql.js');
    expect(response.status).toBe(404);
  });
});
