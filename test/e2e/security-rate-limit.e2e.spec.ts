import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { dropDatabase, ensureDatabase } from '@storefront/db-tools';
import type { RunningServer } from '@storefront/platform';
import { issueToken } from '../../gateway/src/auth/tokens';
import type { GatewayConfig } from '../../gateway/src/config';
import type { RateLimitSettings } from '../../gateway/src/edge-settings';
import { startGateway } from '../../gateway/src/server';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with. */
const JWT_SECRET = 'rate-limit-spec-jwt-secret-0123456789abcdef';
const POINTS = 5;
// A key prefix of this run's own; its keys expire with the window.
const rateLimit: RateLimitSettings = { points: POINTS, windowSeconds: 60, redisUrl: 'redis://127.0.0.1:6379', keyPrefix: `storefront:test:rate:${randomBytes(4).toString('hex')}` };
const LIST = '{ products(first: 2) { edges { node { sku } } } }';

let system: RunningSystem;
let gateways: RunningServer[] = [];

function gatewayConfig(overrides: Partial<GatewayConfig>): GatewayConfig {
  return {
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls: system.subgraphUrls,
    jwtSecret: JWT_SECRET,
    gatewaySecret: SYSTEM_GATEWAY_SECRET,
    ...overrides,
  };
}

beforeAll(async () => {
  system = await startSystem();
  gateways = [await startGateway(gatewayConfig({ rateLimit })), await startGateway(gatewayConfig({ rateLimit }))];
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await system?.stop();
});

async function post(gateway: RunningServer, query: string, token?: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
}

const subgraphRequests = () => Object.values(system.subgraphs).reduce((sum, subgraph) => sum + subgraph.requests.count, 0);

describe('the rate limit per caller', () => {
  it('holds across two gateway instances sharing Redis: the budget is spent on either, then both answer 429 with Retry-After', async () => {
    const [a, b] = gateways as [RunningServer, RunningServer];
    const statuses: number[] = [];
    for (let i = 0; i < POINTS; i += 1) statuses.push((await post(i % 2 === 0 ? a : b, '{ __typename }')).status);
    expect(statuses).toEqual(Array(POINTS).fill(200));
    for (const gateway of [a, b]) {
      const refused = await post(gateway, '{ __typename }');
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(rateLimit.windowSeconds);
    }
  });

  it("counts a signed-in caller by the token's subject, so each shopper has a budget of their own", async () => {
    const [a, b] = gateways as [RunningServer, RunningServer];
    const alice = await issueToken(JWT_SECRET, 'alice', ['customer']);
    const bob = await issueToken(JWT_SECRET, 'bob', ['customer']);
    for (let i = 0; i < POINTS; i += 1) expect((await post(i % 2 === 0 ? a : b, '{ __typename }', alice)).status).toBe(200);
    expect((await post(b, '{ __typename }', alice)).status).toBe(429);
    expect((await post(a, '{ __typename }', bob)).status).toBe(200);
  });

  it('refuses before any subgraph is asked', async () => {
    const [a] = gateways as [RunningServer];
    const carol = await issueToken(JWT_SECRET, 'carol', ['customer']);
    Object.values(system.subgraphs).forEach((subgraph) => subgraph.requests.reset());
    for (let i = 0; i < POINTS; i += 1) expect((await post(a, LIST, carol)).body.errors).toBeUndefined();
    const served = subgraphRequests();
    expect(served).toBeGreaterThan(0);
    expect((await post(a, LIST, carol)).status).toBe(429);
    expect(subgraphRequests()).toBe(served);
  });
});

describe('when Redis cannot be reached', () => {
  it('lets requests through (fails open) and warns once, not once per request', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const previousLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const gateway = await startGateway(gatewayConfig({ rateLimit: { ...rateLimit, points: 2, redisUrl: `redis://127.0.0.1:${port}` } }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await post(gateway, '{ __typename }')).status);
      expect(statuses).toEqual(Array(6).fill(200));
      expect(warn.mock.calls.filter(([message]) => /rate limiting is off while Redis is unreachable/.test(String(message)))).toHaveLength(1);
    } finally {
      await gateway.stop();
      warn.mockRestore();
      if (previousLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previousLevel;
    }
  });
});

describe('counted in PostgreSQL, for an installation without Redis', () => {
  it('holds across two gateway instances sharing the database, and a signed-in caller has a budget of its own', async () => {
    const databaseUrl = `${process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432'}/storefront_test_rate_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(databaseUrl);
    const onPostgres = { ...rateLimit, databaseUrl, redisUrl: 'redis://127.0.0.1:1' };
    const pair = [await startGateway(gatewayConfig({ rateLimit: onPostgres })), await startGateway(gatewayConfig({ rateLimit: onPostgres }))] as const;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < POINTS + 2; i += 1) statuses.push((await post(pair[i % 2]!, '{ __typename }')).status);
      expect(statuses).toEqual([...Array(POINTS).fill(200), 429, 429]);
      const dave = await issueToken(JWT_SECRET, 'dave', ['customer']);
      expect((await post(pair[0], '{ __typename }', dave)).status).toBe(200);
    } finally {
      await Promise.all(pair.map((gateway) => gateway.stop()));
      await dropDatabase(databaseUrl);
    }
  });
});
