import { signSubgraphRequest, signedContent, verifySubgraphRequest } from './identity';

const secret = 'unit-test-gateway-secret';
const now = Date.parse('2026-11-30T12:00:00Z');
const payload = { sub: 'ada', roles: ['customer'], iat: now / 1000 - 10, exp: now / 1000 + 60 };
const query = 'query($id:ID!){order(id:$id){id}}';
const signed = (request: { query: string; variables?: Record<string, unknown> }, forwarded = payload as typeof payload | null) => ({
  ...request,
  extensions: signSubgraphRequest(request, forwarded, secret),
});

describe('a subgraph request signed by the gateway', () => {
  it('signs the query, the variables and the token payload as one sorted JSON text', () => {
    expect(signedContent({ query, variables: { id: 'o-1' } }, { sub: 'ada', exp: 1 })).toBe('{"jwt":{"exp":1,"sub":"ada"},"query":"query($id:ID!){order(id:$id){id}}","variables":{"id":"o-1"}}');
    expect(signedContent({ query: '{a}', variables: {} }, null)).toBe('{"query":"{a}"}');
  });

  it('carries the identity it was signed for', () => {
    expect(verifySubgraphRequest(signed({ query, variables: { id: 'o-1' } }), secret, now)).toEqual({ ok: true, identity: { subject: 'ada', roles: ['customer'] } });
    expect(verifySubgraphRequest(signed({ query }, null), secret, now)).toEqual({ ok: true, identity: null });
  });

  it('survives the trip as JSON, whatever order the keys arrive in', () => {
    const body = JSON.parse(JSON.stringify(signed({ query, variables: { id: 'o-1', b: { y: 1, x: [2, 'z'] } } }))) as Record<string, unknown>;
    const reordered = { extensions: body.extensions, variables: { b: { x: [2, 'z'], y: 1 }, id: 'o-1' }, query };
    expect(verifySubgraphRequest(reordered, secret, now)).toMatchObject({ ok: true });
  });

  it.each([
    ['no signature', { query }, 'missing gateway signature'],
    ['another query', { ...signed({ query }), query: '{ orders { id } }' }, 'does not match'],
    ['other variables', { ...signed({ query, variables: { id: 'o-1' } }), variables: { id: 'o-2' } }, 'does not match'],
    ['variables added', { ...signed({ query }), variables: { id: 'o-2' } }, 'does not match'],
    ['another identity', { query, extensions: { ...signed({ query }).extensions, jwt: { payload: { ...payload, roles: ['admin'] } } } }, 'does not match'],
    ['the identity removed', { query, extensions: { 'hmac-signature': signed({ query }).extensions['hmac-signature'] } }, 'does not match'],
    ['another secret', { query, extensions: signSubgraphRequest({ query }, payload, 'guessed') }, 'does not match'],
    ['an expired token', signed({ query }, { ...payload, exp: now / 1000 - 1 }), 'expired identity'],
    ['a token without expiry', signed({ query }, { sub: 'ada', roles: [] } as never), 'identity without an expiry'],
    ['a token without subject', signed({ query }, { exp: now / 1000 + 60 } as never), 'identity without a subject'],
    ['a batch', [signed({ query })], 'missing gateway signature'],
  ])('is refused with %s', (_case, body, reason) => {
    const verdict = verifySubgraphRequest(body, secret, now);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && verdict.reason).toContain(reason);
  });
});
