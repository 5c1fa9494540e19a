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
});
