import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface GraphiqlAsset {
  contentType: string;
  body: Buffer;
  gzipped: Buffer;
}

export interface GraphiqlAssets {
  /**
   * Content hash, used in asset URLs so they can be cached forever. The build is
   * deterministic, so every gateway replica on the same lockfile agrees on it.
   */
  version: string;
  files: ReadonlyMap<string, GraphiqlAsset>;
}

const clientEntry = path.join(__dirname, '../../assets/graphiql/graphiql.client.ts');
const javascript = 'text/javascript; charset=utf-8';

// Monaco and monaco-graphql are dependencies of @graphiql/react, not of the
// gateway; resolving through graphiql keeps the workers at exactly the
// versions the editor was built against.
function resolveFromGraphiqlReact(specifier: string): string {
  const fromGraphiql = createRequire(require.resolve('graphiql/package.json'));
  const fromReact = createRequire(fromGraphiql.resolve('@graphiql/react/package.json'));
  return fromReact.resolve(specifier);
}

// Bundled at first use rather than committed or built at install: the output
// always matches the installed packages, and processes that never serve the
// page (most test runs) never pay the ~1 s build.
async function bundle(): Promise<GraphiqlAssets> {
  const result = await build({
    entryPoints: {
      'graphiql': clientEntry,
      'editor.worker': resolveFromGraphiqlReact('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': resolveFromGraphiqlReact('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': resolveFromGraphiqlReact('monaco-graphql/esm/graphql.worker.js'),
    },
    outdir: '/graphiql', // only names the outputs: nothing is written
    write: false,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    // graphiql's prebuilt stylesheet already contains Monaco's CSS and fonts
    // (inlined as data: URLs), so the copies Monaco imports from JS are dropped.
    loader: { '.css': 'empty', '.ttf': 'empty' },
  });

  const sources = new Map<string, { contentType: string; body: Buffer }>();
  for (const output of result.outputFiles) {
    sources.set(path.basename(output.path), { contentType: javascript, body: Buffer.from(output.contents) });
  }
  sources.set('graphiql.css', {
    contentType: 'text/css; charset=utf-8',
    body: readFileSync(require.resolve('graphiql/style.css')),
  });

  const hash = createHash('sha256');
  const files = new Map<string, GraphiqlAsset>();
  for (const [name, source] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name).update(source.body);
    files.set(name, { ...source, gzipped: gzipSync(source.body) });
  }
  return { version: hash.digest('hex').slice(0, 12), files };
}

let pending: Promise<GraphiqlAssets> | undefined;

/** Builds the GraphiQL bundle once per process; a failed build is retried on the next call. */
export function loadGraphiqlAssets(): Promise<GraphiqlAssets> {
  pending ??= bundle().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
