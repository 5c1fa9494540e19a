import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

const ops = clientOperations('storefront');
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

describe('when a subgraph is down', () => {
  it('reports the gateway not ready, but still answers the fields of the others with an error naming it', async () => {
    expect((await fetch(`${system.gatewayUrl}/ready`)).status).toBe(200);
    await system.stopSubgraph('shipping');

    const ready = await fetch(`${system.gatewayUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, subgraphs: { shipping: 'unavailable', catalog: 'ready' } });
    expect((await fetch(`${system.gatewayUrl}/health`)).status).toBe(200);

    const result = await graphql(`${system.gatewayUrl}/graphql`, ops.ProductList!, { first: 10, country: 'DE' });
    expect(result.status).toBe(200);
    const nodes = result.data!.products.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toHaveLength(10);
    expect(nodes[0]).toMatchObject({ sku: expect.any(String), stock: { available: expect.any(Number) }, shippingEstimate: null });
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'shipping' }) })]),
    );
  });

  it('keeps catalog fields when inventory is down too', async () => {
    await system.stopSubgraph('inventory');
    const result = await graphql(`${system.gatewayUrl}/graphql`, ops.ProductList!, { first: 3, country: 'DE' });
    expect(result.status).toBe(200);
    expect(result.data!.products.edges).toHaveLength(3);
    expect(result.data!.products.edges[0].node).toMatchObject({ name: expect.any(String), stock: null, inStock: null });
    expect(result.errors?.map((error) => error.extensions?.serviceName)).toEqual(expect.arrayContaining(['inventory']));
  });
});
