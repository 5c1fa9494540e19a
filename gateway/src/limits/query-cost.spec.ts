import { buildSchema, parse } from 'graphql';
import { operationCost } from './query-cost';

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
