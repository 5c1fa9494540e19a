import { Lexer, Source, TokenKind } from 'graphql';
import type { RunningServer } from '@storefront/platform';
import { issueToken } from '../../gateway/src/auth/tokens';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_QUERY_LIMITS } from '../../gateway/src/edge-settings';
import { startGateway } from '../../gateway/src/server';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with. */
const JWT_SECRET = 'limits-spec-jwt-secret-0123456789abcdef';
const limits = DEFAULT_QUERY_LIMITS;

let system: RunningSystem;
let endpoint: string;

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
});
afterAll(() => system?.stop());

const subgraphRequests = () => Object.values(system.subgraphs).reduce((sum, subgraph) => sum + subgraph.requests.count, 0);
const resetSubgraphRequests = () => Object.values(system.subgraphs).forEach((subgraph) => subgraph.requests.reset());
const tokens = (query: string) => {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
};

async function graphqlNamed(query: string, operationName?: string) {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName }) });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }) };
}

const PAGE = 'products(first: 1) { edges { node { id } } }';
const FULL_PAGE = 'products(first: 100) { edges { node { id sku name description imageUrls price { amount currency formatted } } } }';

/** Queries that read the catalog, built to measure exactly n on one limit. */
const shapes = {
  // each inline fragment is a level; products, edges, node and id are four more
  QUERY_TOO_DEEP: (n: number) => `{ ${'... on Query { '.repeat(n - 4)}${PAGE}${' }'.repeat(n - 4)} }`,
  TOO_MANY_ALIASES: (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: ${PAGE}`).join(' ')} }`,
  TOO_MANY_DIRECTIVES: (n: number) => `{ products(first: 1) { edges { node { ${'id @include(if: true) '.repeat(n)}} } } }`,
  // 19 tokens in the operation that runs, 5 in each other one (never the same field twice, so
  // that graphql-js's own budget for comparing overlapping fields is not what refuses it)
  TOO_MANY_TOKENS: (n: number) =>
    `query Main { products(first: 1) { edges { node { ${'id '.repeat((n - 19) % 5)}id } } } } ${Array.from({ length: Math.floor((n - 19) / 5) }, (_, i) => `query Other${i} { __typename }`).join(' ')}`,
  // a full page costs 1 + 100 × 11
  QUERY_TOO_COSTLY: (pages: number) => `{ ${Array.from({ length: pages }, (_, i) => `p${i}: ${FULL_PAGE}`).join(' ')} }`,
};

describe('query limits at the gateway, with the default limits', () => {
  it.each([
    ['QUERY_TOO_DEEP', limits.maxDepth, limits.maxDepth + 1],
    ['TOO_MANY_ALIASES', limits.maxAliases, limits.maxAliases + 1],
    ['TOO_MANY_DIRECTIVES', limits.maxDirectives, limits.maxDirectives + 1],
    ['TOO_MANY_TOKENS', limits.maxTokens, limits.maxTokens + 1],
    ['QUERY_TOO_COSTLY', Math.floor(limits.maxCost / 1101), Math.floor(limits.maxCost / 1101) + 1],
  ] as const)('refuses %s one step over the limit (%d passes, %d does not) before any subgraph is called', async (code, allowed, refused) => {
    if (code === 'TOO_MANY_TOKENS') expect([allowed, refused].map((n) => tokens(shapes.TOO_MANY_TOKENS(n)))).toEqual([allowed, refused]);
    const operationName = code === 'TOO_MANY_TOKENS' ? 'Main' : undefined;

    resetSubgraphRequests();
    const passing = await graphqlNamed(shapes[code](allowed), operationName);
    expect(passing.errors).toBeUndefined();
    expect(subgraphRequests()).toBeGreaterThan(0);

    resetSubgraphRequests();
    const result = await graphqlNamed(shapes[code](refused), operationName);
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code } })]);
    expect(result.data).toBeUndefined();
    expect(subgraphRequests()).toBe(0);
  });

  it('counts first from variables: a page of 10,000 products is too costly before the catalog could refuse it', async () => {
    resetSubgraphRequests();
    const result = await graphql(endpoint, `query Page($n: Int!) { ${PAGE.replace('first: 1', 'first: $n')} }`, { n: 10_000 });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(subgraphRequests()).toBe(0);
  });

  it('counts depth through named fragments too', async () => {
    const fragments = Array.from({ length: limits.maxDepth }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ');
    resetSubgraphRequests();
    const result = await graphql(endpoint, `{ ...F0 } ${fragments} fragment F${limits.maxDepth} on Query { ${PAGE} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(subgraphRequests()).toBe(0);
  });

  it('answers a body over the size limit with 413 before reading it as GraphQL', async () => {
    resetSubgraphRequests();
    const filler = 'x'.repeat(DEFAULT_MAX_REQUEST_BYTES);
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${PAGE} }`, variables: { filler } }) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(subgraphRequests()).toBe(0);
  });
});

describe("the storefront's own operations", () => {
  let halved: RunningServer;

  beforeAll(async () => {
    halved = await startGateway({
      port: 0,
      supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
      subgraphUrls: system.subgraphUrls,
      jwtSecret: JWT_SECRET,
      gatewaySecret: SYSTEM_GATEWAY_SECRET,
      queryLimits: Object.fromEntries(Object.entries(limits).map(([name, value]) => [name, Math.floor(value / 2)])),
      maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES / 2,
    });
  });
  afterAll(() => halved?.stop());

  it('run, at their largest, under half of every default limit', async () => {
    const ops = clientOperations('storefront');
    const admin = await issueToken(JWT_SECRET, 'limits-admin', ['customer', 'admin']);
    const list = await graphql(halved.url, ops.ProductList!, { first: 100, country: 'DE' });
    expect(list.errors).toBeUndefined();
    expect(list.data!.products.edges).toHaveLength(100);
    const id = list.data!.products.edges[0].node.id as string;
    const detail = await graphql(halved.url, ops.ProductDetail!, { id, country: 'DE' });
    expect(detail.errors).toBeUndefined();
    const created = await graphql(halved.url, ops.CreateProduct!, { input: { sku: 'SEC-LIMITS-1', name: 'Mug', description: 'd'.repeat(4000), price: { amount: 900, currency: 'EUR' } } }, admin);
    expect(created.errors).toBeUndefined();
    const received = await graphql(halved.url, ops.ReceiveStock!, { input: { productId: created.data!.createProduct.product.id, warehouseId: 'eu-central', quantity: 3 } }, admin);
    expect(received.errors).toBeUndefined();
  });
});
