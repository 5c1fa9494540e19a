import { issueToken } from '../../gateway/src/auth/tokens';
import { startGateway, type RunningGateway } from '../../gateway/src/server';
import { startOneProcess, type OneProcessStorefront } from '../../scripts/system/one-process';
import { createSeededDatabases, type TestDatabases } from '../support/databases';
import { removeEventKeys, testEventsConfig } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { Storefront } from '../support/storefront-customer';
import { ofContext } from '../../scripts/system/contexts';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';
jest.setTimeout(120_000);

/**
 * The one-process topology (docs/adr/0013), started by the function `pnpm dev --one-process` runs:
 * the gateway runs the subgraphs' operations in its own process, and must answer as a gateway
 * calling them over HTTP does, pass each caller's identity, and send no HTTP request to them.
 */
const JWT_SECRET = 'one-process-spec-jwt-secret-0123456789';
const GATEWAY_SECRET = 'one-process-spec-gateway-secret';
const ops = clientOperations('storefront');
const events = testEventsConfig();
let databases: TestDatabases;
let storefront: OneProcessStorefront;
/** Another gateway in front of the same subgraphs, calling them over HTTP, signed, as in the per-process topology. */
let overHttp: RunningGateway;
let endpoint: string;

beforeAll(async () => {
  databases = await createSeededDatabases();
  storefront = await startOneProcess(
    { port: 0, supergraphPath: require.resolve('../../gateway/supergraph.graphql'), jwtSecret: JWT_SECRET, gatewaySecret: GATEWAY_SECRET },
    (name) => ({ port: 0, gatewaySecret: GATEWAY_SECRET, events, databaseUrl: ofContext(databases.urls, name) }),
  );
  endpoint = storefront.gateway.url;
  const subgraphUrls = Object.fromEntries(Object.entries(storefront.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  overHttp = await startGateway({ port: 0, supergraphPath: require.resolve('../../gateway/supergraph.graphql'), subgraphUrls, jwtSecret: JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
});
afterAll(async () => {
  await overHttp?.stop();
  await storefront?.stop();
  await databases?.drop();
  await removeEventKeys(events);
});

/** GraphQL requests that reached the subgraphs' /graphql over HTTP while `work` ran. */
async function httpRequestsDuring(work: () => Promise<void>): Promise<number> {
  const subgraphs = Object.values(storefront.subgraphs);
  for (const subgraph of subgraphs) subgraph.requests.reset();
  await work();
  return subgraphs.reduce((sum, subgraph) => sum + subgraph.requests.count, 0);
}

/** The Cache-Control header a gateway gives an anonymous request. */
async function cacheControlOf(url: string, query: string, variables: Record<string, unknown>): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  await response.arrayBuffer();
  return response.headers.get('cache-control');
}

it('answers an anonymous ProductList and ProductDetail as a gateway calling the subgraphs over HTTP does, without HTTP', async () => {
  const list = { first: 20, country: 'DE' };
  // The subgraphs' cache policies restrict the response's as over HTTP: the same public max-age.
  const overHttpCacheControl = await cacheControlOf(overHttp.url, ops.ProductList!, list);
  expect(overHttpCacheControl).toMatch(/max-age=[1-9][0-9]*, public/);
  const overHttpList = await graphql(overHttp.url, ops.ProductList!, list);
  const id = overHttpList.data!.products.edges[3].node.id as string;
  const overHttpDetail = await graphql(overHttp.url, ops.ProductDetail!, { id, country: 'DE' });
  // The comparison means something: the other gateway did ask them over HTTP.
  expect(storefront.subgraphs.catalog!.requests.count).toBeGreaterThan(0);
  expect(overHttpList.errors).toBeUndefined();
  expect(overHttpList.data!.products.edges).toHaveLength(20);
  expect(overHttpDetail.data!.product).toMatchObject({ id, stock: expect.anything() });

  const requests = await httpRequestsDuring(async () => {
    expect(await graphql(endpoint, ops.ProductList!, list)).toEqual(overHttpList);
    expect(await graphql(endpoint, ops.ProductDetail!, { id, country: 'DE' })).toEqual(overHttpDetail);
    expect(await cacheControlOf(endpoint, ops.ProductList!, list)).toBe(overHttpCacheControl);
  });
  expect(requests).toBe(0);
});

it("takes a customer's checkout to CONFIRMED, keeps the order from another customer and refuses an admin mutation to a customer", async () => {
  const admin = await issueToken(JWT_SECRET, 'one-admin', ['customer', 'admin']);
  const ada = await issueToken(JWT_SECRET, 'one-ada', ['customer']);
  const bob = await issueToken(JWT_SECRET, 'one-bob', ['customer']);
  const shop = new Storefront(endpoint, admin);
  const requests = await httpRequestsDuring(async () => {
    const productId = await shop.stockedProduct('ONE-PROCESS-1', 3);
    const orderId = await shop.checkoutOnceSellable(ada, productId, 1);
    const confirmed = await shop.orderWhen(orderId, ada, (order) => order.status === 'CONFIRMED', 'the order to be confirmed');
    expect(confirmed).toMatchObject({ id: orderId, status: 'CONFIRMED', payment: { status: 'AUTHORIZED' } });
    expect(await shop.order(orderId, bob)).toBeNull();
    const asCustomer = await graphql(endpoint, ops.Dispatch!, { orderId }, ada);
    expect(asCustomer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const asAdmin = await graphql(endpoint, ops.Dispatch!, { orderId }, admin);
    expect(asAdmin.errors).toBeUndefined();
  });
  expect(requests).toBe(0);
});

it('runs identical queries in flight once, with the same answer for everyone, and every identical mutation', async () => {
  const list = { first: 100, country: 'DE' };
  await graphql(endpoint, ops.ProductList!, list); // planned once, so that the 30 below reach the subgraphs together
  const catalog = storefront.subgraphs.catalog!;
  catalog.sqlQueries.reset();
  await graphql(endpoint, ops.ProductList!, list);
  const statementsForOne = catalog.sqlQueries.count;
  expect(statementsForOne).toBeGreaterThan(0);
  catalog.sqlQueries.reset();
  const answers = await Promise.all(Array.from({ length: 30 }, () => graphql(endpoint, ops.ProductList!, list)));
  expect(catalog.sqlQueries.count).toBeLessThan(30 * statementsForOne);
  // A shared answer is merged into each caller's result on its own: every result whole and equal.
  expect(answers[0]!.errors).toBeUndefined();
  expect(answers[0]!.data!.products.edges).toHaveLength(100);
  for (const answer of answers) expect(answer).toEqual(answers[0]);

  const admin = await issueToken(JWT_SECRET, 'one-admin', ['admin']);
  const input = { sku: 'ONE-PROCESS-TWICE', name: 'Twice', description: 'd', price: { amount: 100, currency: 'EUR' }, imageUrls: [] };
  const created = await Promise.all(Array.from({ length: 5 }, () => graphql(endpoint, ops.CreateProduct!, { input }, admin)));
  const codes = created.map((answer) => (answer.data!.createProduct.errors as { code: string }[])[0]?.code ?? 'CREATED');
  expect(codes.sort()).toEqual(['CREATED', 'DUPLICATE_SKU', 'DUPLICATE_SKU', 'DUPLICATE_SKU', 'DUPLICATE_SKU']);
});

it("gives a stopped context's fields SUBGRAPH_UNAVAILABLE with its name, and the other contexts' fields still", async () => {
  const id = (await graphql(endpoint, ops.ProductList!, { first: 1, country: 'DE' })).data!.products.edges[0].node.id as string;
  await storefront.stopSubgraph('shipping');
  const detail = await graphql(endpoint, 'query ($id: ID!) { product(id: $id) { id name shippingEstimate(country: "DE") { days } } }', { id });
  expect(detail.data!.product).toMatchObject({ id, name: expect.any(String), shippingEstimate: null });
  expect(detail.errors?.map((error) => [error.extensions?.code, error.extensions?.serviceName])).toEqual([['SUBGRAPH_UNAVAILABLE', 'shipping']]);
});
