import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(180_000);

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_121);
const REQUESTS = 1200;
const ops = clientOperations('storefront');
const LIST = ops.ProductList!;

/** mulberry32: a small deterministic generator, so that a failing run can be replayed by its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const text = (n: number) => Array.from({ length: n }, () => String.fromCharCode(int(0x2000))).join('');
  return { int, pick, bytes, text };
}
type Random = ReturnType<typeof generator>;

interface HostileRequest { method: string; path: string; headers: Record<string, string>; body?: Buffer | string }
const JSON_HEADERS = { 'content-type': 'application/json' };
const post = (body: unknown, headers: Record<string, string> = JSON_HEADERS): HostileRequest => ({ method: 'POST', path: '/graphql', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const validBody = JSON.stringify({ query: LIST, variables: { first: 2, country: 'DE' } });

/** Every byte of the text's UTF-8 percent-encoded (a lone surrogate becomes U+FFFD). */
const percentEncoded = (text: string) => [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** Replaces, drops or repeats a few characters of a text. */
function mutate(r: Random, source: string): string {
  let out = source;
  for (let i = 0, n = 1 + r.int(6); i < n; i += 1) {
    const at = r.int(out.length);
    out = r.pick([() => out.slice(0, at) + out.slice(at + 1 + r.int(8)), () => out.slice(0, at) + r.pick(['{', '}', '(', ')', '"', '\\', '$', '@', '...', ':', '!', '#', '\u0000', '\ud800', r.text(3)]) + out.slice(at), () => out.slice(0, at) + out.slice(at, at + 20).repeat(1 + r.int(5)) + out.slice(at)])();
  }
  return out;
}

const categories: Record<string, (r: Random) => HostileRequest> = {
  'broken JSON': (r) => post(r.pick([() => validBody.slice(0, r.int(validBody.length)), () => mutate(r, validBody), () => '['.repeat(5000 + r.int(5000)), () => `\ufeff${validBody}`, () => '{"query": "{ __typename }", "query": 1}', () => r.pick(['', 'null', '0', '"x"', 'true', '[]', '{}', '{"query":"\\ud800"}'])])()),
  'content type': (r) => post(validBody, { 'content-type': r.pick(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/graphql', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/octet-stream', '', 'garbage/ /;;', 'application/json, text/html', 'APPLICATION/JSON']) }),
  method: (r) => ({ method: r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'PURGE', 'MKCOL', 'LOCK', 'SEARCH']), path: r.pick(['/graphql', '/', '/health']), headers: JSON_HEADERS, body: validBody }),
  'random bytes': (r) => post(r.bytes(r.int(4096)), { 'content-type': r.pick(['application/json', 'application/octet-stream']) }),
  'huge body': (r) => post(r.pick([() => JSON.stringify({ query: LIST, variables: { first: 2, country: 'DE', pad: 'x'.repeat(110_000 + r.int(200_000)) } }), () => r.bytes(110_000 + r.int(100_000)).toString('latin1')])()),
  'GraphQL syntax': (r) => post({ query: mutate(r, r.pick(Object.values(ops))), variables: { first: 2, country: 'DE' } }),
  'variable types': (r) => post({ query: LIST, variables: r.pick([{ first: r.pick(['ten', 1e100, -1, 2 ** 31, 1.5, null, [], {}, true]), country: 'DE' }, { first: 2, country: r.pick([123, null, 'x'.repeat(5000), '\u0000', 'DE\u0000', ['DE'], { code: 'DE' }]) }, { first: 2 }, r.pick(['x', [], 42, null])]) }),
  operations: (r) => post(r.pick([{ query: LIST, operationName: r.pick(['Nope', 42, {}, '']) }, { query: 'query A { __typename } query B { __typename }' }, { query: r.pick([42, [], {}, null, '']) }, { variables: {} }, [{ query: '{ __typename }' }], { query: '{ __typename }', extensions: { persistedQuery: r.pick([{ version: 1, sha256Hash: 'nope' }, { version: 2 }, 'x']) } }, { query: 'subscription { __typename }' }])),
  'hostile queries': (r) => post({ query: r.pick([
    () => `{ ${'... on Query { '.repeat(20 + r.int(200))}__typename${' }'.repeat(20 + r.int(200))} }`,
    () => `{ ${Array.from({ length: 16 + r.int(60) }, (_, i) => `a${i}: categories { id }`).join(' ')} }`,
    () => `{ categories { ${'id @include(if: true) '.repeat(51 + r.int(80))} } }`,
    () => `{ ${'__typename '.repeat(1001 + r.int(5000))} }`,
    () => '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    () => `{ ...F20 } fragment F0 on Query { __typename } ${Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')}`,
    () => `{ products(first: ${r.pick([1000, 2 ** 31 - 1, -5])}) { edges { node { id } } } }`,
    () => `{ product(id: "${r.pick(['\\u0000', "' OR 1=1 --", '../../etc/passwd', 'x'.repeat(2000)])}") { id name } }`,
    () => `{ products(first: 2, filter: { search: "${r.pick(['%', '_', "'; DROP TABLE products; --", '\\\\', '\u202e'])}" }) { edges { node { id } } } }`,
  ])() }),
  headers: (r) => ({ ...post(validBody), headers: { ...JSON_HEADERS, ...r.pick<Record<string, string>>([{ authorization: `Bearer ${r.bytes(60).toString('base64url')}.${r.bytes(60).toString('base64url')}.${r.bytes(30).toString('base64url')}` }, { authorization: r.pick(['Bearer', 'Basic', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.', 'Bearer ' + 'A'.repeat(12_000)]) }, { accept: r.pick(['text/html', 'application/xml', '*/*;q=0', 'multipart/mixed']) }, { 'x-forwarded-for': r.pick(['1.1.1.1, 2.2.2.2', 'not-an-ip', '']) }, { 'x-storefront-identity': 'eyJzdWIiOiJhZG1pbiJ9', 'x-storefront-identity-signature': 'forged' }, { 'apollo-require-preflight': r.text(5).replace(/[^\x20-\x7e]/g, 'x') }]) } }),
  URLs: (r) => ({ method: 'GET', headers: r.pick<Record<string, string>>([{}, { 'apollo-require-preflight': 'true' }]), path: r.pick([`/graphql?query=${percentEncoded(mutate(r, LIST))}`, '/graphql?query=%E0%A4%A&variables=%', '/graphql?variables=notjson&query={__typename}', '/graphql/../../etc/passwd', '/%00', '//graphql', `/graphql?${'a=1&'.repeat(2000)}`, '/graphiql/assets/../../package.json', `/graphql?query=${encodeURIComponent('mutation { __typename }')}`, '/health?x=%ff']) }),
  'content encoding': (r) => r.pick([() => post(r.bytes(200 + r.int(800)), { ...JSON_HEADERS, 'content-encoding': r.pick(['gzip', 'deflate', 'br']) }), () => post(gzipSync(validBody), { ...JSON_HEADERS, 'content-encoding': 'gzip' }), () => post(validBody, { ...JSON_HEADERS, 'content-encoding': r.pick(['identity', 'compress', 'x-unknown', 'gzip, gzip']) })])(),
};

let system: RunningSystem;
// One connection per request: a keep-alive socket the server closes after refusing an unread body
// would otherwise fail the next request sent on it, which says nothing about the gateway.
const agent = new http.Agent({ keepAlive: false });

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  agent.destroy();
  await system?.stop();
});

/** The status, and the codes of the GraphQL errors in the body when it is JSON. */
function send(base: URL, request: HostileRequest): Promise<{ status: number; codes: string[] }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let codes: string[] = [];
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: { extensions?: { code?: string } }[] };
          codes = (body.errors ?? []).map((error) => error.extensions?.code ?? '(no code)');
        } catch {
          // not JSON: Express's 404 page, a HEAD response, Node's own 400
        }
        resolve({ status: response.statusCode ?? 0, codes });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

describe('the gateway under malformed and hostile requests', () => {
  it(`answers ${REQUESTS} of them (seed ${SEED}) with a 4xx or a GraphQL error, never a 5xx, and still serves afterwards`, async () => {
    const r = generator(SEED);
    const names = Object.keys(categories);
    const base = new URL(system.gatewayUrl);
    const requests = Array.from({ length: REQUESTS }, (_, i) => {
      const category = names[i % names.length]!;
      return { category, request: categories[category]!(r) };
    });
    const byCategory: Record<string, Record<string, number>> = {};
    const byCode: Record<string, number> = {};
    const failures: string[] = [];
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(requests.slice(i, i + 8).map(async ({ category, request }) => {
        const answer = await send(base, request).then(({ status, codes }) => ({ status: String(status), codes }), (error: Error) => ({ status: `no answer (${error.message})`, codes: [] }));
        const { status } = answer;
        for (const code of answer.codes) byCode[code] = (byCode[code] ?? 0) + 1;
        byCategory[category] ??= {};
        byCategory[category]![status] = (byCategory[category]![status] ?? 0) + 1;
        if (!/^[1-4]\d\d$/.test(status)) failures.push(`${category}: ${request.method} ${request.path.slice(0, 80)} -> ${status}`);
      }));
    }
    const byStatus: Record<string, number> = {};
    for (const counts of Object.values(byCategory)) for (const [status, n] of Object.entries(counts)) byStatus[status] = (byStatus[status] ?? 0) + n;
    console.log(`fuzz seed ${SEED}, ${REQUESTS} requests\nby category:\n${Object.entries(byCategory).map(([c, counts]) => `  ${c.padEnd(18)} ${JSON.stringify(counts)}`).join('\n')}\nby status: ${JSON.stringify(byStatus)}\nGraphQL error codes: ${JSON.stringify(byCode)}`);

    // /ready is left out: its 503 reports the subgraphs' state, not how input is handled. An
    // INTERNAL_SERVER_ERROR inside a 200 is counted above but not failed on: a database starved by
    // a busy machine produces it too.
    expect(failures).toEqual([]);
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    expect((await fetch(`${system.gatewayUrl}/health`)).status).toBe(200);
    const after = await graphql(`${system.gatewayUrl}/graphql`, LIST, { first: 5, country: 'DE' });
    expect(after.errors).toBeUndefined();
    expect(after.data!.products.edges).toHaveLength(5);
  });
});
