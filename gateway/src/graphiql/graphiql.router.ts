import express, { type Request, type Response } from 'express';
import { loadGraphiqlAssets, type GraphiqlAsset } from './graphiql-assets';
import { graphiqlContentSecurityPolicy, renderGraphiqlPage } from './graphiql-page';

export interface GraphiqlRouterOptions {
  /** Path of the GraphQL endpoint; the page is served there to browsers. */
  endpoint: string;
  defaultQuery: string;
  title?: string;
}

const assetsPath = '/graphiql/assets';

// A browser navigation prefers text/html; GraphQL clients doing GET prefer JSON
// (or send */*, which resolves to the first entry) and go on to Apollo.
const wantsHtml = (req: Request): boolean =>
  req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';

function sendAsset(req: Request, res: Response, asset: GraphiqlAsset): void {
  res.set({
    'Content-Type': asset.contentType,
    // The URL carries the content hash, so a cached copy can never be stale.
    'Cache-Control': 'public, max-age=31536000, immutable',
    // Web workers take their policy from their own script response, not the page.
    'Content-Security-Policy': graphiqlContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  });
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.set('Content-Encoding', 'gzip').send(asset.gzipped);
  } else {
    res.send(asset.body);
  }
}

/**
 * Serves GraphiQL, bundled from the gateway's own node_modules, to browsers that
 * open `endpoint`, plus its assets under /graphiql/assets/<version>/. Nothing is
 * fetched from a CDN. Mount before the GraphQL middleware.
 */
export function graphiqlRouter(options: GraphiqlRouterOptions): express.Router {
  const { endpoint, defaultQuery, title = 'Storefront GraphiQL' } = options;
  const router = express.Router();

  router.get(endpoint, async (req, res, next) => {
    if (!wantsHtml(req)) return next();
    const { version } = await loadGraphiqlAssets();
    res
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        // Always revalidate: the page names the current asset version.
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': graphiqlContentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept',
      })
      .send(
        renderGraphiqlPage({
          title,
          endpoint: `${req.baseUrl}${endpoint}`,
          defaultQuery,
          assetsBase: `${req.baseUrl}${assetsPath}/${version}`,
        }),
      );
  });

  router.get(`${assetsPath}/:version/:file`, async (req, res) => {
    const { version, files } = await loadGraphiqlAssets();
    const asset = req.params.version === version ? files.get(req.params.file) : undefined;
    if (!asset) {
      res.status(404).set('Cache-Control', 'no-store').type('text/plain').send('Not found');
      return;
    }
    sendAsset(req, res, asset);
  });

  return router;
}
