import http from 'node:http';
import net from 'node:net';
import { Client } from 'pg';
import type { RunningServer } from '@storefront/platform';
import { issueToken } from '../../gateway/src/auth/tokens';
import { loadConfig } from '../../gateway/src/config';
import { startGateway } from '../../gateway/src/server';
import { graphql } from '../support/graphql-client';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with. */
const JWT_SECRET = 'production-spec-jwt-secret-0123456789abcdef';

let system: RunningSystem;
let production: RunningServer;

/** The environment a production deployment sets, pointed at this test's subgraphs. */
const productionEnv = (urls: Record<string, string>) => ({
  NODE_ENV: 'production',
  PORT: '0',
  JWT_SECRET,
  GATEWAY_SHARED_SECRET: SYSTEM_GATEWAY_SECRET,
  RATE_LIMIT_POINTS: '0',
  CATALOG_URL: urls.catalog,
  INVENTORY_URL: urls.inventory,
  SHIPPING_URL: urls.shipping,
});

async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

const subgraphRequests = () => Object.values(system.subgraphs).reduce((sum, subgraph) => sum + subgraph.requests.count, 0);
const urls = () => system.subgraphUrls;

beforeAll(async () => {
  system = await startSystem();
  production = await startGateway(loadConfig(productionEnv(urls())));
});
afterAll(async () => {
  await production?.stop();
  await system?.stop();
});

describe('the gateway in production posture', () => {
  it('refuses to start with the development secrets', async () => {
    const env = { ...productionEnv(urls()), JWT_SECRET: undefined, GATEWAY_SHARED_SECRET: undefined };
    await expect(startGateway(loadConfig(env))).rejects.toThrow(/JWT_SECRET/);
  });

  it('refuses introspection, which development allows', async () => {
    const schemaQuery = '{ __schema { types { name } } }';
    expect((await graphql(`${system.gatewayUrl}/graphql`, schemaQuery)).errors).toBeUndefined();
    for (const query of [schemaQuery, '{ __type(name: "Product") { fields { name } } }']) {
      const result = await graphql(production.url, query);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    expect((await graphql(production.url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('serves no GraphiQL page, which development serves', async () => {
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/graphiql/i);
    const devPage = await fetch(`${system.gatewayUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(devPage.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('does not suggest field names the schema would otherwise reveal', async () => {
    const result = await graphql(production.url, '{ prodcts(first: 1) { edges { node { id } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('blocks requests a browser could send cross-site (CSRF) before they run', async () => {
    const admin = await issueToken(JWT_SECRET, 'csrf-admin', ['customer', 'admin']);
    const mutation = 'mutation { createProduct(input: { sku: "SEC-CSRF", name: "x", description: "x", price: { amount: 1, currency: "EUR" } }) { product { id } } }';
    Object.values(system.subgraphs).forEach((subgraph) => subgraph.requests.reset());
    for (const [contentType, body] of [['text/plain', JSON.stringify({ query: mutation })], ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`]]) {
      const response = await fetch(production.url, { method: 'POST', headers: { 'content-type': contentType!, authorization: `Bearer ${admin}` }, body });
      expect(response.status).toBe(400);
    }
    const simpleGet = await fetch(`${production.url}?query=${encodeURIComponent('{ categories { id } }')}`);
    expect(simpleGet.status).toBe(400);
    expect(subgraphRequests()).toBe(0);
    const preflightedGet = await fetch(`${production.url}?query=${encodeURIComponent('{ categories { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflightedGet.status).toBe(200);
  });

  it('masks a failure inside a subgraph: no SQL, no table name, no stack', async () => {
    const db = new Client({ connectionString: system.databaseUrl('shipping') });
    await db.connect();
    try {
      await db.query('ALTER TABLE shipping_rates RENAME TO shipping_rates_away');
      const result = await graphql(production.url, '{ shippingRates { country carrier } }');
      expect(result.errors).toEqual([{ message: 'Internal error: the failure was logged.', path: ['shippingRates'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(result)).not.toMatch(/shipping_rates|SELECT|relation|prisma|at .*\.ts/i);
    } finally {
      await db.query('ALTER TABLE shipping_rates_away RENAME TO shipping_rates');
      await db.end();
    }
    expect((await graphql(production.url, '{ shippingRates { country } }')).errors).toBeUndefined();
  });

  it('masks what a careless subgraph lets slip: a raw database message with its stack', async () => {
    const leaky = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: 'relation "shipping_rates" does not exist: SELECT * FROM shipping_rates', extensions: { stacktrace: ['at query (db.ts:1)'] } }], data: null }));
    });
    await new Promise<void>((resolve) => leaky.listen(0, '127.0.0.1', resolve));
    const gateway = await startGateway(loadConfig(productionEnv({ ...urls(), shipping: `http://127.0.0.1:${(leaky.address() as net.AddressInfo).port}/graphql` })));
    try {
      const result = await graphql(gateway.url, '{ shippingRates { country } }');
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(result)).not.toMatch(/shipping_rates|SELECT|relation|stacktrace|db\.ts/);
    } finally {
      await gateway.stop();
      await new Promise((resolve) => leaky.close(resolve));
    }
  });

  it('names an unreachable subgraph without the address or the network error', async () => {
    const gateway = await startGateway(loadConfig(productionEnv({ ...urls(), inventory: await closedPortUrl() })));
    try {
      const result = await graphql(gateway.url, '{ warehouses { id } }');
      expect(result.errors).toEqual([{ message: 'The inventory service is unavailable.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'inventory' } }]);
    } finally {
      await gateway.stop();
    }
  });
});

describe('the same gateway in development posture', () => {
  it('says why a subgraph is unreachable, to help whoever runs it locally', async () => {
    const gateway = await startGateway(loadConfig({ ...productionEnv({ ...urls(), inventory: await closedPortUrl() }), NODE_ENV: 'development' }));
    try {
      const result = await graphql(gateway.url, '{ warehouses { id } }');
      expect(result.errors?.[0]?.message).toMatch(/ECONNREFUSED/);
    } finally {
      await gateway.stop();
    }
  });
});
