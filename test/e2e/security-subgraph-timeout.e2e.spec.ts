import net from 'node:net';
import type { RunningServer } from '@storefront/platform';
import { startGateway } from '../../gateway/src/server';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with. */

/** A TCP server that accepts every connection, reads what it is sent, and never answers. */
class SilentServer {
  readonly connections: net.Socket[] = [];
  private readonly server = net.createServer((socket) => {
    this.connections.push(socket);
    socket.on('error', () => undefined);
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}/graphql`;
  }

  async close(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let system: RunningSystem;
let silentShipping: SilentServer;
let gateway: RunningServer;

beforeAll(async () => {
  system = await startSystem();
  silentShipping = new SilentServer();
  gateway = await startGateway({
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls: { ...system.subgraphUrls, shipping: await silentShipping.listen() },
    jwtSecret: 'timeout-spec-jwt-secret-0123456789abcdef',
    gatewaySecret: SYSTEM_GATEWAY_SECRET,
    subgraphTimeoutMs: 300,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await silentShipping?.close();
  await system?.stop();
});

describe('a subgraph that never answers', () => {
  it('costs only its own fields, each with SUBGRAPH_TIMEOUT naming it; the others come back', async () => {
    const before = silentShipping.connections.length;
    const result = await graphql(gateway.url, clientOperations('storefront').ProductList!, { first: 5, country: 'DE' });
    expect(silentShipping.connections.length).toBeGreaterThan(before);
    expect(result.status).toBe(200);
    const nodes = result.data!.products.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toHaveLength(5);
    expect(nodes[0]).toMatchObject({ sku: expect.any(String), stock: { available: expect.any(Number) }, shippingEstimate: null });
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'shipping' } })]);
  });

  it('answers a query that only it could answer with null data and the coded error, and keeps serving', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => graphql(gateway.url, '{ shippingRates { country carrier } }')));
    for (const result of results) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'shipping' });
    }
    const catalogOnly = await graphql(gateway.url, '{ categories { name } }');
    expect(catalogOnly.errors).toBeUndefined();
    expect(catalogOnly.data!.categories.length).toBeGreaterThan(0);
  });
});
