import stableStringify from 'json-stable-stringify';
import { signSubgraphRequest, signedContent, sortedJson, verifySubgraphRequest } from './identity';

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

describe('the signed text', () => {
  /** Values of every JSON kind, nested, with keys in any order, from a seeded generator (the same every run). */
  function randomValue(next: () => number, depth: number): unknown {
    const kind = Math.floor(next() * (depth > 3 ? 6 : 9));
    const text = () => ['', 'a', 'Zz', 'é', '\u2028', '"q"', 'back\\slash', '\u0000', '__typename', 'id', '10', '2'][Math.floor(next() * 12)]!;
    switch (kind) {
      case 0: return null;
      case 1: return next() < 0.5;
      case 2: return Math.floor(next() * 2_000_000) - 1_000_000;
      case 3: return next() * 1e6;
      case 4: return text();
      case 5: return undefined;
      case 6:
      case 7: return Array.from({ length: Math.floor(next() * 5) }, () => randomValue(next, depth + 1));
      default: return Object.fromEntries(Array.from({ length: Math.floor(next() * 6) }, () => [text(), randomValue(next, depth + 1)]));
    }
  }

  it("is json-stable-stringify's text, which Hive Gateway signs, for values of every JSON kind", () => {
    let seed = 12;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2_000; i += 1) {
      const value = randomValue(next, 0);
      expect(sortedJson(value)).toBe(stableStringify(value));
    }
    const references = { representations: Array.from({ length: 100 }, (_, i) => ({ id: `p-${i}`, __typename: 'Product' })), country: 'DE' };
    expect(sortedJson({ jwt: undefined, query: '{ a }', variables: references })).toBe(stableStringify({ jwt: undefined, query: '{ a }', variables: references }));
    expect(sortedJson({ at: new Date(0), skipped: () => 1, list: [undefined, () => 1] })).toBe(stableStringify({ at: new Date(0), skipped: () => 1, list: [undefined, () => 1] }));
  });
});
