export interface GraphiqlPageOptions {
  title: string;
  /** Absolute path GraphiQL sends its requests to (same origin). */
  endpoint: string;
  defaultQuery: string;
  /** Absolute path prefix of the versioned assets, without trailing slash. */
  assetsBase: string;
}

/**
 * Browser-enforced guarantee that the page talks to nothing but its own origin
 * (fonts and icons are data: URLs inside graphiql's stylesheet). Monaco and
 * GraphiQL set inline styles at run time, hence 'unsafe-inline' for styles only.
 */
export const graphiqlContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);

// JSON inside <script> must not be able to close the element.
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function renderGraphiqlPage(options: GraphiqlPageOptions): string {
  const { title, endpoint, defaultQuery, assetsBase } = options;
  // Read by assets/graphiql/graphiql.client.ts; a JSON block rather than an
  // inline script keeps script-src free of 'unsafe-inline'.
  const config = {
    title,
    endpoint,
    defaultQuery,
    workers: {
      editor: `${assetsBase}/editor.worker.js`,
      json: `${assetsBase}/json.worker.js`,
      graphql: `${assetsBase}/graphql.worker.js`,
    },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetsBase}/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading ${escapeHtml(title)}…</div>
<script type="application/json" id="graphiql-config">${scriptSafeJson(config)}</script>
<script src="${assetsBase}/graphiql.js" defer></script>
</body>
</html>
`;
}
