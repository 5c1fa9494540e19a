import { IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER, signIdentityHeaders } from '@storefront/platform';
import { eventually } from '../support/event-bus';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with; only the last two cases need it. */
const ADMIN = { subject: 'mallory', roles: ['customer', 'admin'] };

/** Data each subgraph holds; any other subgraph is asked for its schema, which is data too. */
const QUERIES: Record<string, string> = {
  catalog: '{ products(first: 3) { edges { node { id sku } } } }',
  inventory: '{ warehouses { id name } }',
  shipping: '{ shippingRates { country carrier } }',
};
const SDL = '{ _service { sdl } }';

let system: RunningSystem;

/**
 * Waits until no subgraph has run SQL for a while: what start-up sets going in the background (the
 * demo promotions reaching ordering through events) must not be counted against a refused request.
 */
async function settled(): Promise<void> {
  const counts = () => Object.values(system.subgraphs).map((subgraph) => subgraph.sqlQueries.count).join();
  let before = counts();
  await eventually(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = counts();
    const quiet = now === before;
    before = now;
    return quiet ? true : undefined;
  }, 'the subgraphs to finish their start-up work');
}

beforeAll(async () => {
  system = await startSystem();
  await settled();
});
afterAll(() => system?.stop());

async function direct(subgraph: string, headers: Record<string, string>, query: string = QUERIES[subgraph] ?? SDL) {
  system.subgraph(subgraph).sqlQueries.reset();
  const response = await fetch(system.subgraph(subgraph).url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, body, sqlQueries: system.subgraph(subgraph).sqlQueries.count };
}

/** A refusal by every subgraph: 401 before GraphQL runs, so no data and not one SQL statement. */
async function expectEveryoneRefuses(headers: () => Record<string, string>, query?: string): Promise<void> {
  const subgraphs = Object.keys(system.subgraphs);
  expect(subgraphs).toEqual(expect.arrayContaining(['catalog', 'inventory', 'shipping']));
  for (const subgraph of subgraphs) {
    const result = await direct(subgraph, headers(), query);
    expect({ subgraph, status: result.status, data: result.body.data, code: result.body.errors?.[0]?.extensions?.code, sqlQueries: result.sqlQueries }).toEqual({
      subgraph,
      status: 401,
      data: undefined,
      code: 'UNAUTHENTICATED',
      sqlQueries: 0,
    });
  }
}

const unsignedAdmin = () => ({ [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ sub: ADMIN.subject, roles: ADMIN.roles, iat: Date.now() })).toString('base64url') });

describe('a request straight to a subgraph, around the gateway', () => {
  it('without any identity header is refused', async () => {
    await expectEveryoneRefuses(() => ({}));
  });

  it('claiming to be an admin without a signature is refused', async () => {
    await expectEveryoneRefuses(() => ({ ...unsignedAdmin(), 'x-user-roles': 'admin', authorization: 'Bearer anything' }));
  });

  it("signed with a secret other than the gateway's is refused", async () => {
    await expectEveryoneRefuses(() => signIdentityHeaders(ADMIN, 'a-guessed-secret'));
  });

  it("asking for the subgraph's own SDL is refused too", async () => {
    await expectEveryoneRefuses(unsignedAdmin, SDL);
  });

  it("carrying the gateway's signature of another identity is refused", async () => {
    const anonymous = signIdentityHeaders(null, SYSTEM_GATEWAY_SECRET);
    await expectEveryoneRefuses(() => ({ ...unsignedAdmin(), [IDENTITY_SIGNATURE_HEADER]: anonymous[IDENTITY_SIGNATURE_HEADER]! }));
  });

  it('signed by the gateway five minutes ago (a replay) is refused', async () => {
    await expectEveryoneRefuses(() => signIdentityHeaders(ADMIN, SYSTEM_GATEWAY_SECRET, Date.now() - 5 * 60_000));
  });

  it('signed by the gateway just now is served, so the refusals above are about the signature alone', async () => {
    for (const subgraph of Object.keys(system.subgraphs)) {
      const fresh = await direct(subgraph, signIdentityHeaders(ADMIN, SYSTEM_GATEWAY_SECRET));
      expect({ subgraph, status: fresh.status, errors: fresh.body.errors }).toEqual({ subgraph, status: 200, errors: undefined });
      expect(fresh.body.data).toBeDefined();
    }
  });
});
