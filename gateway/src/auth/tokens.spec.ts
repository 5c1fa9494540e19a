import { SignJWT, UnsecuredJWT } from 'jose';
import { identityFromAuthorization, issueToken } from './tokens';

const secret = 'unit-test-secret-0123456789abcdef0123';
const key = new TextEncoder().encode(secret);

async function refusal(header: string, policy = {}): Promise<unknown> {
  return identityFromAuthorization(header, secret, policy).then(
    () => 'accepted',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );
}

describe('identityFromAuthorization', () => {
  it('reads subject and roles from a token it signed, and keeps its payload to forward', async () => {
    const token = await issueToken(secret, 'alice', ['customer', 'admin']);
    await expect(identityFromAuthorization(`Bearer ${token}`, secret)).resolves.toEqual({
      subject: 'alice',
      roles: ['customer', 'admin'],
      token: { sub: 'alice', roles: ['customer', 'admin'], iat: expect.any(Number), exp: expect.any(Number) },
    });
  });

  it('treats a request without the header as anonymous', async () => {
    await expect(identityFromAuthorization(undefined, secret)).resolves.toBeNull();
  });

  it('refuses expired, foreign, unsigned, other-algorithm and malformed tokens', async () => {
    const expired = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
    const foreign = await issueToken('another-secret-0123456789abcdef01234', 'a', ['admin']);
    const unsigned = new UnsecuredJWT({ roles: ['admin'] }).setSubject('a').setExpirationTime('1h').encode();
    const hs512 = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS512' }).setSubject('a').setExpirationTime('1h').sign(key);
    const noExpiry = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('a').sign(key);
    for (const header of [`Bearer ${expired}`, `Bearer ${foreign}`, `Bearer ${unsigned}`, `Bearer ${hs512}`, `Bearer ${noExpiry}`, 'Bearer', 'Basic abc', 'Bearer a.b.c']) {
      await expect(refusal(header)).resolves.toBe('UNAUTHENTICATED');
    }
  });
});

describe('issuer and audience', () => {
  const policy = { issuer: 'https://id.storefront.example', audience: 'storefront-api' };

  it('accepts a token for this issuer and audience', async () => {
    const token = await issueToken(secret, 'alice', ['customer'], '1h', policy);
    await expect(identityFromAuthorization(`Bearer ${token}`, secret, policy)).resolves.toMatchObject({ subject: 'alice', roles: ['customer'], token: { iss: policy.issuer, aud: policy.audience } });
  });

  it('refuses a token from another issuer, for another audience, or naming neither', async () => {
    const otherIssuer = await issueToken(secret, 'alice', ['customer'], '1h', { ...policy, issuer: 'https://elsewhere.example' });
    const otherAudience = await issueToken(secret, 'alice', ['customer'], '1h', { ...policy, audience: 'back-office' });
    const neither = await issueToken(secret, 'alice', ['customer']);
    for (const token of [otherIssuer, otherAudience, neither]) {
      await expect(refusal(`Bearer ${token}`, policy)).resolves.toBe('UNAUTHENTICATED');
    }
  });
});
