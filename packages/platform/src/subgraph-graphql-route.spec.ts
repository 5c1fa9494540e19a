import { parse } from 'graphql';
import { signSubgraphRequest } from './identity';
import { startSubgraphServer, type RunningSubgraphServer } from './subgraph-server';

const secret = 'route-spec-gateway-secret-0123456789';
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { whoami: String }
`);

describe("a subgraph's /graphql route", () => {
  let server: RunningSubgraphServer;
  beforeAll(async () => {
    server = await startSubgraphServer({
      name: 'route-spec',
      typeDefs,
      resolvers: { Query: { whoami: (_: unknown, __: unknown, ctx: { subject: string | null }) => ctx.subject ?? 'anonymous' } },
      port: 0,
      gatewaySecret: secret,
      context: (identity) => ({ subject: identity?.subject ?? null }),
      // No database: the route never asks one; /ready is not under test here.
      database: { $queryRawUnsafe: async () => [], $disconnect: async () => {} },
    });
  });
  afterAll(() => server.stop());

  const send = async (init: RequestInit & { path?: string }) => {
    const response = await fetch(server.url.replace('/graphql', init.path ?? '/graphql'), init);
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
  };
  const signed = (query: string, payload: Record<string, unknown> | null = null) => JSON.stringify({ query, extensions: signSubgraphRequest({ query }, payload, secret) });
  const json = { 'content-type': 'application/json' };

  it('serves a signed request, with the identity it was signed for', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect(await send({ method: 'POST', headers: json, body: signed('{ whoami }') })).toEqual({ status: 200, body: { data: { whoami: 'anonymous' } } });
    expect(await send({ method: 'POST', headers: json, body: signed('{ whoami }', { sub: 'ada', exp }) })).toEqual({ status: 200, body: { data: { whoami: 'ada' } } });
    expect(await send({ method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: signed('{ whoami }'), path: '/graphql/?x=1' })).toMatchObject({ status: 200 });
  });

  it.each([
    ['an unsigned body', { method: 'POST', headers: json, body: JSON.stringify({ query: '{ whoami }' }) }, 401, 'UNAUTHENTICATED'],
    ['a signed body sent as text', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: signed('{ whoami }') }, 401, 'UNAUTHENTICATED'],
    ['a GET', { method: 'GET' }, 401, 'UNAUTHENTICATED'],
    ['a JSON array', { method: 'POST', headers: json, body: `[${signed('{ whoami }')}]` }, 401, 'UNAUTHENTICATED'],
    ['a body that is not JSON', { method: 'POST', headers: json, body: '{"query": ' }, 400, 'BAD_REQUEST'],
    ['a body over 1 MB', { method: 'POST', headers: json, body: JSON.stringify({ query: `{ whoami } #${'x'.repeat(1024 * 1024)}` }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a compressed body', { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: signed('{ whoami }') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('refuses %s with a stable code, before GraphQL runs', async (_case, init, status, code) => {
    const before = server.requests.count;
    const answer = await send(init);
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions.code, data: answer.body.data }).toEqual({ status, code, data: undefined });
    expect(server.requests.count).toBe(before + 1);
  });

  it('leaves the other routes to express', async () => {
    expect(await send({ method: 'GET', path: '/health' })).toEqual({ status: 200, body: { status: 'ok', subgraph: 'route-spec' } });
  });
});
