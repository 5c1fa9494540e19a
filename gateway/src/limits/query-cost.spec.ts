import { buildSchema, parse } from 'graphql';
import { KnownCosts, operationCost } from './query-cost';

const schema = buildSchema(`
  type Query { products(first: Int = 20): Connection! categories: [Category!]! }
  type Connection { edges: [Edge!]! total: Int! }
  type Edge { node: Product! }
  type Product { id: ID! name: String! price: Money! }
  type Money { amount: Int! currency: String! }
  type Category { id: ID! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), variables);

describe('operationCost', () => {
  it('counts each field once plus its selection', () => {
    expect(cost('{ categories { id } }')).toBe(2);
  });

  it('multiplies the selection of a page by first, from a literal or a variable', () => {
    // products: 1 + first × (edges 1 + node 1 + id 1 + name 1 + price (1 + 2))
    expect(cost('{ products(first: 10) { edges { node { id name price { amount currency } } } } }')).toBe(1 + 10 * 7);
    expect(cost('query P($n: Int!) { products(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 3);
  });

  it('applies the argument default when first is omitted', () => {
    expect(cost('{ products { total } }')).toBe(1 + 20 * 1);
  });

  it('adds aliased pages up, and never lets a negative first lower the total', () => {
    expect(cost('{ a: products(first: 5) { total } b: products(first: 5) { total } }')).toBe(2 * (1 + 5));
    expect(cost('{ a: products(first: -1000) { total } b: categories { id } }')).toBe(1 + 2);
  });

  it('follows fragments', () => {
    expect(cost('{ products(first: 2) { ...P } } fragment P on Connection { edges { node { id } } }')).toBe(1 + 2 * 3);
  });
});

describe('KnownCosts', () => {
  const counted = () => {
    const computed: Record<string, unknown>[] = [];
    const known = new KnownCosts((...args: Parameters<typeof operationCost>) => {
      computed.push(args[2] ?? {});
      return operationCost(...args);
    });
    return { computed, cost: (document: ReturnType<typeof parse>, variables: Record<string, unknown>) => known.cost(schema, document, variables, undefined) };
  };

  it('computes a document once for any values of the variables its cost does not depend on', () => {
    const { computed, cost } = counted();
    const document = parse('query P($id: ID!, $n: Int!) { products(first: $n) { edges { node { id } } } categories { id } }');
    const costs = ['a', 'b', 'c'].map((id) => cost(document, { id, n: 10 }));
    expect(costs).toEqual([1 + 10 * 3 + 2, 1 + 10 * 3 + 2, 1 + 10 * 3 + 2]);
    expect(computed).toHaveLength(1);
  });

  it('computes again when a page size, a directive\'s condition, or an absent variable changes what it costs', () => {
    const { computed, cost } = counted();
    const document = parse('query P($n: Int, $skip: Boolean!) { products(first: $n) { total } categories @skip(if: $skip) { id } }');
    expect(cost(document, { n: 10, skip: false })).toBe(1 + 10 + 2);
    expect(cost(document, { n: 50, skip: false })).toBe(1 + 50 + 2);
    expect(cost(document, { skip: false })).toBe(1 + 20 + 2);
    expect(cost(document, { n: 10, skip: true })).toBe(1 + 10);
    expect(cost(document, { n: 10, skip: false })).toBe(1 + 10 + 2);
    expect(computed).toHaveLength(4);
  });
});
