import { SIGNATURE_EXTENSION, TOKEN_EXTENSION } from '@storefront/platform';
import { eventually } from '../support/event-bus';
import { signedBody, tokenPayloadOf } from '../support/signed-requests';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

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

async function direct(subgraph: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  system.subgraph(subgraph).sqlQueries.reset();
  const response = await fetch(system.subgraph(subgraph).url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
  return { status: response.status, body: answer, sqlQueries: system.subgraph(subgraph).sqlQueries.count };
}

/** A refusal by every subgraph: 401 before GraphQL runs, so no data and not one SQL statement; the message names `reason`. */
async function expectEveryoneRefuses(body: (query: string) => Record<string, unknown>, reason: string, options: { query?: string; headers?: Record<string, string> } = {}): Promise<void> {
  const subgraphs = Object.keys(system.subgraphs);
  expect(subgraphs).toEqual(expect.arrayContaining(['catalog', 'inventory', 'shipping']));
  for (const subgraph of subgraphs) {
    const result = await direct(subgraph, body(options.query ?? QUERIES[subgraph] ?? SDL), options.headers);
    const error = result.body.errors?.[0];
    expect({ subgraph, status: result.status, data: result.body.data, code: error?.extensions?.code, sqlQueries: result.sqlQueries }).toEqual({
      subgraph,
      status: 401,
      data: undefined,
      code: 'UNAUTHENTICATED',
      sqlQueries: 0,
    });
    expect(error?.message).toContain(reason);
  }
}

/** An admin's token payload as a gateway forwards it; the request carrying it, unsigned or signed with the gateway's secret. */
const adminPayload = (options: { now?: number; expiresInSeconds?: number } = {}) => tokenPayloadOf(ADMIN, options);
const unsignedAdmin = (query: string) => ({ query, extensions: { [TOKEN_EXTENSION]: { payload: adminPayload() } } });
const signedAdmin = (query: string, variables?: Record<string, unknown>) => signedBody({ query, variables }, adminPayload(), SYSTEM_GATEWAY_SECRET);
const PRODUCT = 'query Product($id: ID!) { product(id: $id) { id } }';

describe('a request straight to a subgraph, around the gateway', () => {
  it('without any signature is refused', async () => {
    await expectEveryoneRefuses((query) => ({ query }), 'missing gateway signature');
  });

  it('claiming to be an admin without a signature is refused', async () => {
    await expectEveryoneRefuses(unsignedAdmin, 'missing gateway signature', { headers: { 'x-user-roles': 'admin', authorization: 'Bearer anything' } });
  });

  it("signed with a secret other than the gateway's is refused", async () => {
    await expectEveryoneRefuses((query) => signedBody({ query }, adminPayload(), 'a-guessed-secret'), 'does not match');
  });

  it("asking for the subgraph's own SDL is refused too", async () => {
    await expectEveryoneRefuses(unsignedAdmin, 'missing gateway signature', { query: SDL });
  });

  it("carrying the gateway's signature of the same query for another identity is refused", async () => {
    await expectEveryoneRefuses((query) => {
      const anonymous = signedBody({ query }, null, SYSTEM_GATEWAY_SECRET).extensions as Record<string, unknown>;
      return { query, extensions: { ...unsignedAdmin(query).extensions, [SIGNATURE_EXTENSION]: anonymous[SIGNATURE_EXTENSION] } };
    }, 'does not match');
  });

  it('signed by the gateway for a token that has expired (a late replay) is refused', async () => {
    await expectEveryoneRefuses((query) => signedBody({ query }, adminPayload({ now: Date.now() - 5 * 60_000, expiresInSeconds: 60 }), SYSTEM_GATEWAY_SECRET), 'expired identity');
  });

  it("carrying the gateway's signature of another query (a captured signature replayed) is refused", async () => {
    await expectEveryoneRefuses((query) => ({ ...signedAdmin('{ __typename }'), query }), 'does not match');
  });

  it("carrying the gateway's signature of the same query with other variables is refused", async () => {
    const captured = signedAdmin(PRODUCT, { id: 'a-product' });
    const result = await direct('catalog', { ...captured, variables: { id: 'another-product' } });
    expect({ status: result.status, code: result.body.errors?.[0]?.extensions?.code, sqlQueries: result.sqlQueries }).toEqual({ status: 401, code: 'UNAUTHENTICATED', sqlQueries: 0 });
    expect(result.body.errors?.[0]?.message).toContain('does not match');
  });

  it('signed by the gateway just now is served, so the refusals above are about the signature alone', async () => {
    for (const subgraph of Object.keys(system.subgraphs)) {
      const fresh = await direct(subgraph, signedAdmin(QUERIES[subgraph] ?? SDL));
      expect({ subgraph, status: fresh.status, errors: fresh.body.errors }).toEqual({ subgraph, status: 200, errors: undefined });
      expect(fresh.body.data).toBeDefined();
    }
    const withVariables = await direct('catalog', signedAdmin(PRODUCT, { id: 'a-product' }));
    expect({ status: withVariables.status, errors: withVariables.body.errors }).toEqual({ status: 200, errors: undefined });
  });
});
