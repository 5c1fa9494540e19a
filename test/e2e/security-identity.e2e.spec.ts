import { SignJWT, UnsecuredJWT } from 'jose';
import type { RunningServer } from '@storefront/platform';
import { startGateway } from '../../gateway/src/server';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { GATEWAY_SECRET as SYSTEM_GATEWAY_SECRET, startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/** The secret test/support/system.ts starts the subgraphs with, so accepted tokens reach them. */
const JWT_SECRET = 'identity-spec-jwt-secret-0123456789abcdef';
const ISSUER = 'https://id.storefront.test';
const AUDIENCE = 'storefront-api';
const ops = clientOperations('storefront');

let system: RunningSystem;
let gateway: RunningServer;

beforeAll(async () => {
  system = await startSystem();
  gateway = await startGateway({
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls: system.subgraphUrls,
    jwtSecret: JWT_SECRET,
    gatewaySecret: SYSTEM_GATEWAY_SECRET,
    jwtIssuer: ISSUER,
    jwtAudience: AUDIENCE,
  });
});
afterAll(async () => {
  await gateway?.stop();
  await system?.stop();
});

interface Claims { secret?: string; alg?: string; exp?: number | null; nbf?: number; iss?: string | null; aud?: string | null; roles?: string[] }

/** An admin's token, right in every respect unless a claim is overridden. */
function adminToken(claims: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ roles: claims.roles ?? ['customer', 'admin'] }).setProtectedHeader({ alg: claims.alg ?? 'HS256' }).setSubject('admin-7').setIssuedAt();
  if (claims.exp !== null) token.setExpirationTime(claims.exp ?? now + 3600);
  if (claims.nbf !== undefined) token.setNotBefore(claims.nbf);
  if (claims.iss !== null) token.setIssuer(claims.iss ?? ISSUER);
  if (claims.aud !== null) token.setAudience(claims.aud ?? AUDIENCE);
  return token.sign(new TextEncoder().encode(claims.secret ?? JWT_SECRET));
}

const sku = (() => {
  let n = 0;
  return () => `SEC-ID-${(n += 1)}`;
})();
const productInput = () => ({ sku: sku(), name: 'Steel bottle', description: 'Keeps it cold.', price: { amount: 1999, currency: 'EUR' } });

async function createProductWith(authorization: string | undefined) {
  for (const subgraph of Object.values(system.subgraphs)) subgraph.requests.reset();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query: ops.CreateProduct, variables: { input: productInput() } }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  const subgraphRequests = Object.values(system.subgraphs).reduce((sum, subgraph) => sum + subgraph.requests.count, 0);
  return { status: response.status, body, subgraphRequests };
}

/** Refused at the gateway: 401, UNAUTHENTICATED, no data, and no subgraph asked (not one SQL statement). */
async function expectRefused(authorization: string, message?: RegExp): Promise<void> {
  const result = await createProductWith(authorization);
  expect(result.status).toBe(401);
  expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  if (message) expect(result.body.errors?.[0]?.message).toMatch(message);
  expect(result.body.data).toBeUndefined();
  expect(result.subgraphRequests).toBe(0);
}

describe('identity at the gateway', () => {
  it('accepts an admin token signed with the secret, for this issuer and audience, and the admin mutation runs', async () => {
    const result = await createProductWith(`Bearer ${await adminToken()}`);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.createProduct).toMatchObject({ product: { status: 'ACTIVE' }, errors: [] });
  });

  it('lets an anonymous shopper read the catalog without a token', async () => {
    const result = await graphql(gateway.url, ops.ProductList!, { first: 2, country: 'DE' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.products.edges).toHaveLength(2);
  });

  it('refuses an anonymous caller where an identity is needed, without creating anything', async () => {
    const result = await createProductWith(undefined);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.data?.createProduct ?? null).toBeNull();
  });

  it('refuses an expired token', async () => {
    await expectRefused(`Bearer ${await adminToken({ exp: Math.floor(Date.now() / 1000) - 60 })}`, /expired/);
  });

  it('refuses a token without an expiry', async () => {
    await expectRefused(`Bearer ${await adminToken({ exp: null })}`);
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(`Bearer ${await adminToken({ nbf: Math.floor(Date.now() / 1000) + 3600 })}`);
  });

  it('refuses a forged token: a customer\'s signature under an admin\'s claims', async () => {
    const [, customerPayload, customerSignature] = (await adminToken({ roles: ['customer'] })).split('.');
    const [adminHeader, adminPayload] = (await adminToken()).split('.');
    expect(adminPayload).not.toBe(customerPayload);
    await expectRefused(`Bearer ${adminHeader}.${adminPayload}.${customerSignature}`);
  });

  it('refuses a token signed with another secret', async () => {
    await expectRefused(`Bearer ${await adminToken({ secret: 'someone-elses-secret-0123456789abcdef' })}`);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['customer', 'admin'] }).setSubject('admin-7').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').encode();
    await expectRefused(`Bearer ${unsigned}`);
  });

  it('refuses a token signed with another algorithm than HS256, even with the right secret', async () => {
    await expectRefused(`Bearer ${await adminToken({ alg: 'HS512' })}`);
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(`Bearer ${await adminToken({ iss: 'https://elsewhere.test' })}`, /iss/);
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(`Bearer ${await adminToken({ aud: 'back-office' })}`, /aud/);
  });

  it('refuses a token naming no issuer and no audience when the gateway expects them', async () => {
    await expectRefused(`Bearer ${await adminToken({ iss: null, aud: null })}`);
  });

  it.each([
    ['a scheme without a token', 'Bearer'],
    ['another scheme', 'Basic YWRtaW46YWRtaW4='],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['three empty-looking parts', 'Bearer a.b.c'],
    ['a JWT with garbage in its header', 'Bearer !!!.e30.AAAA'],
    ['two tokens', 'Bearer x.y.z x.y.z'],
    ['a very long token', `Bearer ${'A'.repeat(8000)}.${'B'.repeat(8000)}.C`],
  ])('refuses a malformed Authorization header: %s', async (_case, header) => {
    await expectRefused(header);
  });
});
