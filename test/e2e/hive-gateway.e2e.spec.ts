import { contextEnvName, type RunningServer } from '@storefront/platform';
import { startGateway } from '../../gateway/src/server';
import { HIVE_GATEWAY, startGatewayProcess, type GatewayProcess } from '../../scripts/bench/gateway-processes';
import { graphql } from '../support/graphql-client';
import { freePort } from '../support/local-servers';
import { clientOperations } from '../support/operations';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy';
import { Storefront } from '../support/storefront-customer';
import { GATEWAY_SECRET, JWT_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(90_000);

const ops = clientOperations('storefront');

let system: RunningSystem;
let catalogProxy: RecordingProxy;
let hive: GatewayProcess;
let recordedProduct: RunningServer;

/**
 * Hive Gateway from the committed configuration (gateway/hive/gateway.config.ts), started by its
 * own command, in front of the same subgraphs as the product's gateway: the same answers to the
 * storefront's operations. Catalog is reached through a recording proxy, for the replay cases.
 */
beforeAll(async () => {
  system = await startSystem();
  catalogProxy = await startRecordingProxy(system.subgraph('catalog').url);
  const urls = { ...system.subgraphUrls, catalog: catalogProxy.url };
  const env = {
    ...process.env,
    // Hive Gateway's own levels: trace, debug, info, warn, error or false (not the product's "silent").
    LOG_LEVEL: 'error',
    JWT_SECRET,
    GATEWAY_SHARED_SECRET: GATEWAY_SECRET,
    ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${contextEnvName(name)}_URL`, url])),
  };
  hive = await startGatewayProcess('hive', HIVE_GATEWAY, await freePort(), env);
  recordedProduct = await startGateway({ port: 0, supergraphPath: require.resolve('../../gateway/supergraph.graphql'), subgraphUrls: urls, jwtSecret: JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
});
afterAll(async () => {
  await hive?.stop();
  await recordedProduct?.stop();
  await catalogProxy?.stop();
  await system?.stop();
});

const product = () => `${system.gatewayUrl}/graphql`;

/** The same operation through both gateways: the answers, status and error codes included. */
async function bothAnswer(operation: string, variables: Record<string, unknown>, token?: string) {
  const answers = await Promise.all(
    [product(), hive.url].map(async (url) => {
      const { status, data, errors } = await graphql(url, ops[operation]!, variables, token);
      return { status, data, codes: errors?.map((error) => error.extensions?.code) };
    }),
  );
  expect(answers[1]).toEqual(answers[0]);
  return answers[0]!;
}

describe('Hive Gateway with the committed configuration', () => {
  it('answers an anonymous shopper as the product gateway does', async () => {
    const list = await bothAnswer('ProductList', { first: 10, country: 'DE' });
    const edges = list.data!.products.edges as { node: { id: string; stock: unknown } }[];
    expect(edges).toHaveLength(10);
    expect(edges[0]!.node.stock).not.toBeNull();
    await bothAnswer('ProductDetail', { id: edges[0]!.node.id, country: 'FR' });
    expect((await bothAnswer('MyOrders', {})).data).toEqual({ me: null });
  });

  it("serves a shopper's checkout and the back office, and then both answer them alike", async () => {
    const admin = await system.token('hive-admin', ['customer', 'admin']);
    const ada = await system.token('hive-ada');
    const throughHive = new Storefront(hive.url, admin);
    const productId = await throughHive.stockedProduct('HIVE-1', 5);
    const orderId = await throughHive.checkoutOnceSellable(ada, productId, 2);
    await new Storefront(product(), admin).orderWhen(orderId, ada, (order) => order.status === 'CONFIRMED' && order.shipment !== null, 'the order to be confirmed with a shipment');

    const order = await bothAnswer('Order', { id: orderId }, ada);
    expect(order.data!.order).toMatchObject({ id: orderId, status: 'CONFIRMED', lines: [{ product: { id: productId }, quantity: 2 }] });
    expect((await bothAnswer('Order', { id: orderId }, await system.token('hive-grace'))).data).toEqual({ order: null });
    await bothAnswer('MyOrders', {}, ada);
    await bothAnswer('Cart', { country: 'DE' }, ada);
    await bothAnswer('ProductDetail', { id: productId, country: 'DE' }, ada);
    expect((await bothAnswer('Dispatch', { orderId }, ada)).codes).toEqual(['FORBIDDEN']);
  });
});

describe('a signed subgraph request captured between a gateway and catalog', () => {
  /** A signed-in shopper's ProductDetail through `gateway`, and the catalog request it signed. */
  async function captured(gateway: string) {
    const list = await graphql(product(), ops.ProductList!, { first: 1, country: 'DE' });
    const id = list.data!.products.edges[0].node.id as string;
    catalogProxy.recorded.length = 0;
    expect((await graphql(gateway, ops.ProductDetail!, { id, country: 'DE' }, await system.token('hive-eve'))).errors).toBeUndefined();
    const request = catalogProxy.recorded.find((body) => body.extensions?.jwt?.payload?.sub === 'hive-eve' && body.variables && Object.keys(body.variables).length > 0);
    expect(request).toBeDefined();
    return request!;
  }

  const replay = async (body: Record<string, unknown>) => {
    const response = await fetch(system.subgraph('catalog').url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, code: answer.errors?.[0]?.extensions?.code, message: answer.errors?.[0]?.message ?? '' };
  };

  it.each([
    ['Hive Gateway', () => hive.url],
    ["the product's gateway", () => recordedProduct.url],
  ])('from %s is served as it was sent, and refused with another query or other variables', async (_name, gateway) => {
    const request = await captured(gateway());
    expect(await replay(request)).toMatchObject({ status: 200, code: undefined });

    const otherQuery = await replay({ ...request, query: '{ products(first: 100) { edges { node { id sku } } } }' });
    expect(otherQuery).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(otherQuery.message).toContain('does not match');

    const otherVariables = await replay({ ...request, variables: Object.fromEntries(Object.keys(request.variables).map((name) => [name, 'another'])) });
    expect(otherVariables).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(otherVariables.message).toContain('does not match');
  });
});
