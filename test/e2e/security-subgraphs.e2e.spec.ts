import { IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER, signIdentityHeaders } from '@storefront/platform';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with; only the last two cases need it. */
const SYSTEM_GATEWAY_SECRET = 'test-gateway-secret';
const ADMIN = { subject: 'mallory', roles: ['customer', 'admin'] };

const QUERIES = {
  catalog: '{ products(first: 3) { edges { node { id sku } } } }',
  inventory: '{ warehouses { id name } }',
  shipping: '{ shippingRates { country carrier } }',
} as const;
type Subgraph = keyof typeof QUERIES;
const SUBGRAPHS = Object.keys(QUERIES) as Subgraph[];

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

async function direct(subgraph: Subgraph, headers: Record<string, string>, query: string = QUERIES[subgraph]) {
  system.subgraphs[subgraph].sqlQueries.reset();
  const response = await fetch(system.subgraphs[subgraph].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, body, sqlQueries: system.subgraphs[subgraph].sqlQueries.count };
}

/** A refusal: 401 before GraphQL runs, so no data and not one SQL statement. */
function expectRefused(result: Awaited<ReturnType<typeof direct>>): void {
  expect(result.status).toBe(401);
  expect(result.body.data).toBeUndefined();
  expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.sqlQueries).toBe(0);
}

const unsignedAdmin = () => ({ [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ sub: ADMIN.subject, roles: ADMIN.roles, iat: Date.now() })).toString('base64url') });

describe.each(SUBGRAPHS)('a request straight to the %s subgraph', (subgraph) => {
  it('without any identity header is refused', async () => {
    expectRefused(await direct(subgraph, {}));
  });

  it('claiming to be an admin without a signature is refused', async () => {
    expectRefused(await direct(subgraph, { ...unsignedAdmin(), 'x-user-roles': 'admin', authorization: 'Bearer anything' }));
  });

  it('signed with a secret other than the gateway\'s is refused', async () => {
    expectRefused(await direct(subgraph, signIdentityHeaders(ADMIN, 'a-guessed-secret')));
  });

  it('asking for the subgraph\'s own SDL is refused too', async () => {
    expectRefused(await direct(subgraph, unsignedAdmin(), '{ _service { sdl } }'));
  });

  it('carrying the gateway\'s signature of another identity is refused', async () => {
    const anonymous = signIdentityHeaders(null, SYSTEM_GATEWAY_SECRET);
    expectRefused(await direct(subgraph, { ...unsignedAdmin(), [IDENTITY_SIGNATURE_HEADER]: anonymous[IDENTITY_SIGNATURE_HEADER]! }));
  });

  it('signed by the gateway five minutes ago (a replay) is refused, while the same signed now is served', async () => {
    expectRefused(await direct(subgraph, signIdentityHeaders(ADMIN, SYSTEM_GATEWAY_SECRET, Date.now() - 5 * 60_000)));
    const fresh = await direct(subgraph, signIdentityHeaders(ADMIN, SYSTEM_GATEWAY_SECRET));
    expect(fresh.status).toBe(200);
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.body.data).toBeDefined();
  });
});
