import stableStringify from 'json-stable-stringify';
import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Product', id: `p-${i}`, weightGrams: i * 7.5, tags: i % 2 ? ['a', null] : [] }));
  it.each([
    ['a subgraph request', { jwt: undefined, query: 'query($representations:[_Any!]!){_entities(representations:$representations){__typename}}', variables: { representations } }],
    ['a token payload', { jwt: { sub: 'ada', roles: ['customer', 'admin'], exp: 1796000000, iat: 1795999000 }, query: '{a}', variables: undefined }],
    ['keys out of order, unicode and escapes', { z: 1, a: { y: 'é\u2028"\\\n', b: [1, 2, { d: true, c: false }] }, Z: null, _: -0, '': 'empty key', é: 1e21 }],
    ['undefined, functions and symbols', { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: Symbol('s') }],
    ['numbers JSON cannot hold', { nan: NaN, inf: Infinity, list: [NaN, -Infinity] }],
    ['values with toJSON', { when: new Date(Date.UTC(2026, 10, 30)), custom: { toJSON: () => ({ b: 2, a: 1 }) } }],
    ['top-level values', 'text'],
    ['lone and paired surrogates', { '\ud800': 'a\udc00b', pair: '😀', [String.fromCharCode(0x7f)]: '\u0000' }],
    ['an empty object and array', { a: {}, b: [] }],
  ])('writes %s as json-stable-stringify does', (_case, value) => {
    expect(canonicalJson(value)).toBe(stableStringify(value));
  });

  it('refuses a circular value as JSON.stringify does', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { loop };
    expect(() => canonicalJson(loop)).toThrow(TypeError);
    expect(canonicalJson({ a: loop.a, b: loop.a, shared: [{ x: 1 }] })).toBe('{"a":1,"b":1,"shared":[{"x":1}]}');
  });

  it('writes a value seen twice (not a cycle) both times', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe(stableStringify({ a: shared, b: [shared, shared] }));
  });

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

  it("is json-stable-stringify's text, which Hive Gateway signs, for generated values of every JSON kind", () => {
    let seed = 12;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2_000; i += 1) {
      const value = randomValue(next, 0);
      expect(canonicalJson(value)).toBe(stableStringify(value));
    }
    const references = { representations: Array.from({ length: 100 }, (_, i) => ({ id: `p-${i}`, __typename: 'Product' })), country: 'DE' };
    expect(canonicalJson({ jwt: undefined, query: '{ a }', variables: references })).toBe(stableStringify({ jwt: undefined, query: '{ a }', variables: references }));
    expect(canonicalJson({ at: new Date(0), skipped: () => 1, list: [undefined, () => 1] })).toBe(stableStringify({ at: new Date(0), skipped: () => 1, list: [undefined, () => 1] }));
  });
});
