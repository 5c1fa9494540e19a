import { randomBytes } from 'node:crypto';
import type { RunningServer } from '@storefront/platform';
import { issueToken } from '../../gateway/src/auth/tokens';
import { startGateway } from '../../gateway/src/server';
import type { GatewayConfig } from '../../gateway/src/config';
import { clientOperations } from '../support/operations';
import { removeEventKeys, testEventsConfig } from '../support/event-bus';
import { GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(90_000);

const JWT_SECRET = 'read-cost-spec-jwt-secret-0123456789ab';
const operations = clientOperations('storefront');
const PRODUCT_LIST = { query: operations.ProductList!, variables: { first: 100, country: 'DE' } };
const READS = ['catalog', 'inventory', 'shipping'] as const;

let system: RunningSystem;
const gateways: RunningServer[] = [];
const cacheEvents = testEventsConfig();

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await removeEventKeys(cacheEvents);
  await system?.stop();
});

/** Another gateway in front of the test system's subgraphs, with its own settings. */
async function gateway(settings: Partial<GatewayConfig>): Promise<string> {
  const started = await startGateway({
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls: system.subgraphUrls,
    jwtSecret: JWT_SECRET,
    gatewaySecret: GATEWAY_SECRET,
    ...settings,
  });
  gateways.push(started);
  return started.url;
}

interface Answer {
  status: number;
  cacheControl: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
}

async function send(url: string, request: { query: string; variables?: Record<string, unknown> }, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(request),
  });
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: (await response.json()) as Answer['body'] };
}

/** Requests each subgraph received while `work` ran. */
async function fetchesDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
  Object.values(system.subgraphs).forEach((subgraph) => subgraph.requests.reset());
  await work();
  return Object.fromEntries(Object.entries(system.subgraphs).map(([name, subgraph]) => [name, subgraph.requests.count]));
}

const concurrently = (times: number, send: () => Promise<Answer>) => Promise.all(Array.from({ length: times }, send));

describe('identical subgraph reads in flight at once', () => {
  it('go to each subgraph fewer times than the gateway was asked, with the same answer for everyone', async () => {
    const url = await gateway({ deduplicateSubgraphFetches: true });
    await send(url, PRODUCT_LIST); // planned once, so that the 30 below arrive at the subgraphs together
    let answers: Answer[] = [];
    const fetches = await fetchesDuring(async () => (answers = await concurrently(30, () => send(url, PRODUCT_LIST))));
    for (const name of READS) expect(fetches[name]).toBeLessThan(30);
    expect(fetches[READS[0]]).toBeGreaterThan(0);
    const first = JSON.stringify(answers[0]!.body);
    expect(answers[0]!.body.errors).toBeUndefined();
    for (const answer of answers) expect(JSON.stringify(answer.body)).toBe(first);
  });

  it('each go out without deduplication (the same count the test above beats)', async () => {
    const url = await gateway({ deduplicateSubgraphFetches: false });
    await send(url, PRODUCT_LIST);
    const fetches = await fetchesDuring(() => concurrently(30, () => send(url, PRODUCT_LIST)));
    for (const name of READS) expect(fetches[name]).toBe(30);
  });

  it('are shared only between requests of the same caller when signed in', async () => {
    const url = await gateway({ deduplicateSubgraphFetches: true });
    const subjects = ['read-cost-alice', 'read-cost-bob'];
    const tokens = await Promise.all(subjects.map((subject) => issueToken(JWT_SECRET, subject, ['customer'])));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => send(url, { query: operations.MyOrders! }, tokens[i % 2])));
    answers.forEach((answer, i) => expect((answer.body.data?.me as { id: string }).id).toBe(subjects[i % 2]));
  });

  it('never share a mutation: each identical mutation reaches its subgraph', async () => {
    const url = await gateway({ deduplicateSubgraphFetches: true });
    const admin = await issueToken(JWT_SECRET, 'read-cost-admin', ['admin']);
    const input = { sku: `DEDUP-${randomBytes(4).toString('hex')}`, name: 'Twice', description: 'd', price: { amount: 100, currency: 'EUR' }, imageUrls: [] };
    let answers: Answer[] = [];
    const fetches = await fetchesDuring(async () => (answers = await concurrently(5, () => send(url, { query: operations.CreateProduct!, variables: { input } }, admin))));
    expect(fetches.catalog).toBe(5);
    const codes = answers.map((answer) => ((answer.body.data?.createProduct as { errors: { code: string }[] }).errors[0]?.code ?? 'CREATED'));
    expect(codes.filter((code) => code === 'CREATED')).toHaveLength(1);
    expect(codes.filter((code) => code === 'DUPLICATE_SKU')).toHaveLength(4);
  });
});

describe('the anonymous response cache', () => {
  let url: string;
  beforeAll(async () => {
    url = await gateway({ responseCache: { redisUrl: cacheEvents.redisUrl, keyPrefix: `${cacheEvents.prefix}:gateway:response` } });
  });

  it('answers a repeated anonymous ProductList from Redis, with a public max-age of the shortest hint (stock, 5 s)', async () => {
    const request = { ...PRODUCT_LIST, variables: { first: 100, country: 'FR' } };
    const first = await send(url, request);
    expect(first.cacheControl).toBe('max-age=5, public');
    let again: Answer[] = [];
    const fetches = await fetchesDuring(async () => (again = await Promise.all([send(url, request), send(url, request)])));
    expect(Object.values(fetches).reduce((sum, count) => sum + count, 0)).toBe(0);
    for (const answer of again) expect(answer.body).toEqual(first.body);
  });

  it('keeps catalog-only answers for the catalog hint (60 s)', async () => {
    const answer = await send(url, { query: '{ products(first: 5) { edges { node { id name price { amount currency } } } } }' });
    expect(answer.cacheControl).toBe('max-age=60, public');
  });

  it('never serves a signed-in caller from it, and tells shared caches the answer is private', async () => {
    const token = await issueToken(JWT_SECRET, `read-cost-${randomBytes(3).toString('hex')}`, ['customer']);
    const request = { ...PRODUCT_LIST, variables: { first: 100, country: 'IT' } };
    await send(url, request);
    const fetches = await fetchesDuring(async () => {
      const signedIn = await send(url, request, token);
      expect(signedIn.cacheControl).toBe('max-age=5, private');
    });
    for (const name of READS) expect(fetches[name]).toBe(1);
  });

  it('never caches a cart or orders: every request reaches ordering, and says no-store', async () => {
    const token = await issueToken(JWT_SECRET, `read-cost-${randomBytes(3).toString('hex')}`, ['customer']);
    const cart = { query: operations.Cart!, variables: { country: 'DE' } };
    const myOrders = { query: operations.MyOrders! };
    const fetches = await fetchesDuring(async () => {
      for (const request of [cart, cart, myOrders, myOrders]) {
        const answer = await send(url, request, token);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.cacheControl).toBe('no-store');
      }
    });
    expect(fetches.ordering).toBeGreaterThanOrEqual(4);
  });
});
