import { createHash } from 'node:crypto';
import path from 'node:path';
import type { RunningServer } from '@storefront/platform';
import { startGateway } from '../../gateway/src/server';
import { clientOperations } from '../support/operations';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with. */
const ops = clientOperations('storefront');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const variables = { first: 3, country: 'DE' };

let system: RunningSystem;
let gateway: RunningServer;

beforeAll(async () => {
  system = await startSystem();
  gateway = await startGateway({
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls: system.subgraphUrls,
    jwtSecret: 'trusted-documents-spec-jwt-secret-0123456789',
    gatewaySecret: SYSTEM_GATEWAY_SECRET,
    trustedDocuments: { directory: path.resolve(__dirname, '..', '..', 'clients') },
  });
});
afterAll(async () => {
  await gateway?.stop();
  await system?.stop();
});

async function send(body: Record<string, unknown>) {
  Object.values(system.subgraphs).forEach((subgraph) => subgraph.requests.reset());
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const result = (await response.json()) as { data?: { products?: { edges: unknown[] } }; errors?: { extensions?: { code?: string } }[] };
  const subgraphRequests = Object.values(system.subgraphs).reduce((sum, subgraph) => sum + subgraph.requests.count, 0);
  return { status: response.status, ...result, subgraphRequests };
}

describe('trusted documents', () => {
  it('runs a registered operation sent as its document, however it is spaced', async () => {
    for (const query of [ops.ProductList!, ops.ProductList!.replace(/\s+/g, '  ').replace(/ sku /, ', sku, ')]) {
      const result = await send({ query, variables });
      expect(result.errors).toBeUndefined();
      expect(result.data?.products?.edges).toHaveLength(3);
    }
  });

  it('runs a registered operation sent only by its sha256, as documentId or as a persisted query', async () => {
    const hash = sha256(ops.ProductList!);
    for (const body of [{ documentId: hash }, { documentId: `sha256:${hash}` }, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }]) {
      const result = await send({ ...body, variables });
      expect(result.errors).toBeUndefined();
      expect(result.data?.products?.edges).toHaveLength(3);
    }
  });

  it('refuses any other document before a subgraph is asked', async () => {
    for (const query of ['{ categories { id name } }', `${ops.ProductList!} query Extra { __typename }`, '{ not graphql']) {
      const result = await send({ query, variables });
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
      expect(result.subgraphRequests).toBe(0);
    }
  });

  it('refuses a known hash sent with another document, and a hash nobody registered', async () => {
    const smuggled = await send({ documentId: sha256(ops.ProductList!), query: '{ categories { id } }' });
    expect(smuggled.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    const unknown = await send({ documentId: sha256('{ categories { id } }') });
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.subgraphRequests).toBe(0);
  });

  it('applies to GET requests too', async () => {
    const headers = { 'apollo-require-preflight': 'true' };
    const refused = await fetch(`${gateway.url}?query=${encodeURIComponent('{ categories { id } }')}`, { headers });
    expect(refused.status).toBe(400);
    const allowed = await fetch(`${gateway.url}?query=${encodeURIComponent(ops.ProductList!)}&variables=${encodeURIComponent(JSON.stringify(variables))}`, { headers });
    expect(allowed.status).toBe(200);
  });
});
