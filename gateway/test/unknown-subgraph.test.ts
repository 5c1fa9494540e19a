import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { declaredSubgraphUrl, readContextDeclarations, type RunningServer } from '@storefront/platform';
import { composeSupergraph, subgraphSources, supergraphFileText } from '@storefront/schema-tools';
import { loadConfig } from '../src/config';
import { startGateway } from '../src/server';
import { supergraphSubgraphs } from '../src/supergraph-subgraphs';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

/**
 * The gateway keeps no list of subgraphs: it serves whatever a composed supergraph names. Here the
 * repository's contexts are composed with `product-reviews`, a subgraph this gateway was never
 * written for, served over real HTTP by this test.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const REVIEWS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { reviewsSummary: ReviewsSummary! }
  type ReviewsSummary { reviews: Int! averageStars: Float! }
  type Product @key(fields: "id") { id: ID! reviewCount: Int! }
`;
const QUERY = '{ reviewsSummary { reviews averageStars } }';
const JWT_SECRET = 'unknown-subgraph-test-jwt-secret-0123456789';
const GATEWAY_SECRET = 'unknown-subgraph-test-gateway-secret';

let dir: string;
let reviews: { url: string; stop(): Promise<void> };
let gateway: RunningServer | undefined;

/** A supergraph of every declared context plus product-reviews, which composition places at `reviewsUrl`. */
function composeWithReviews(reviewsUrl: string): string {
  const sdlPath = path.join(dir, 'product-reviews.graphql');
  writeFileSync(sdlPath, REVIEWS_SDL);
  const outcome = composeSupergraph([...subgraphSources(ROOT), { name: 'product-reviews', url: reviewsUrl, sdlPath }], ROOT);
  if (!outcome.ok) throw new Error(outcome.errors.map((error) => error.message).join('\n'));
  const file = path.join(dir, `supergraph-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(file, supergraphFileText(outcome.supergraphSdl));
  return file;
}

async function ask(gatewayUrl: string): Promise<unknown> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
  return response.json();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'unknown-subgraph-'));
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(REVIEWS_SDL), resolvers: { Query: { reviewsSummary: () => ({ reviews: 3, averageStars: 4.5 }) } } }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  reviews = { url, stop: () => server.stop() };
});

afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
});

afterAll(async () => {
  await reviews?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a supergraph naming a subgraph the gateway was not written for', () => {
  it('is served at the URL composition wrote for it', async () => {
    const supergraphPath = composeWithReviews(reviews.url);
    gateway = await startGateway({ port: 0, supergraphPath, jwtSecret: JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
    expect(await ask(gateway.url)).toEqual({ data: { reviewsSummary: { reviews: 3, averageStars: 4.5 } } });
  });

  it('is served at the URL given in code, over the one in the supergraph', async () => {
    const supergraphPath = composeWithReviews('http://127.0.0.1:1/graphql');
    gateway = await startGateway({ port: 0, supergraphPath, subgraphUrls: { 'product-reviews': reviews.url }, jwtSecret: JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
    expect(await ask(gateway.url)).toEqual({ data: { reviewsSummary: { reviews: 3, averageStars: 4.5 } } });
  });

  it('is served at <NAME>_URL from the environment, its name upper-cased with "-" as "_"', async () => {
    const supergraphPath = composeWithReviews('http://127.0.0.1:1/graphql');
    const config = loadConfig({ SUPERGRAPH_PATH: supergraphPath, PRODUCT_REVIEWS_URL: reviews.url, CATALOG_URL: 'http://catalog.internal/graphql', PORT: '0', RATE_LIMIT_POINTS: '0' });
    expect(config.subgraphUrls).toEqual({ 'product-reviews': reviews.url, catalog: 'http://catalog.internal/graphql' });
    gateway = await startGateway(config);
    expect(await ask(gateway.url)).toEqual({ data: { reviewsSummary: { reviews: 3, averageStars: 4.5 } } });
    // Readiness asks every subgraph the supergraph names, the unknown one included.
    const readiness = (await (await fetch(gateway.url.replace(/\/graphql$/, '/ready'))).json()) as { subgraphs: Record<string, string> };
    expect(Object.keys(readiness.subgraphs).sort()).toEqual([...readContextDeclarations().map((context) => context.name), 'product-reviews'].sort());
  });
});

describe('the committed supergraph', () => {
  it('names every declared context at its declared port, and nothing else', () => {
    const committed = supergraphSubgraphs(readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8'));
    const declared = readContextDeclarations().map((context) => ({ name: context.name, url: declaredSubgraphUrl(context) }));
    expect([...committed].sort((a, b) => a.name.localeCompare(b.name))).toEqual([...declared].sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('refuses an SDL that is not a composed supergraph', () => {
    expect(() => supergraphSubgraphs('type Query { hello: String }')).toThrow('names no subgraph');
  });
});
