import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { operationCachePolicy } from './operation-cache-policy';

/** A subgraph with every kind of hint the contexts use: on root fields, on entity types, inherited, and none. */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query {
    product(id: ID!): Product @cacheControl(maxAge: 60)
    products: [Product!]! @cacheControl(maxAge: 60)
    basket: Basket
    greeting: String
    mine: Product @cacheControl(maxAge: 30, scope: PRIVATE)
  }
  type Product @key(fields: "id") @cacheControl(maxAge: 60) {
    id: ID!
    name: String!
    price: Money!
    stock: Stock
    supplier: Supplier
  }
  type Stock @key(fields: "id") @cacheControl(maxAge: 5) { id: ID! available: Int! detail: Detail }
  type Detail @cacheControl(inheritMaxAge: true) { note: String }
  type Money @cacheControl(inheritMaxAge: true) { amount: Int! currency: String! }
  type Supplier { name: String! }
  type Basket { size: Int! }
`);

const product = (id: string) => ({ id, name: `product ${id}`, price: { amount: 100, currency: 'EUR' }, stock: { id, available: 3, detail: { note: 'n' } }, supplier: { name: 's' } });
const resolvers = {
  Query: { product: (_: unknown, { id }: { id: string }) => product(id), products: () => [product('1'), product('2')], basket: () => ({ size: 1 }), greeting: () => 'hi', mine: () => product('9') },
  Product: { __resolveReference: (ref: { id: string }) => product(ref.id) },
  Stock: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, available: 1, detail: null }) },
};

async function cacheControl(plugins: ApolloServerPlugin[], query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
  const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]), plugins: [ApolloServerPluginInlineTraceDisabled(), ...plugins] });
  await server.start();
  try {
    const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
    return response.http.headers.get('cache-control');
  } finally {
    await server.stop();
  }
}

const entities = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { name price { amount } } ... on Stock { available } } }';
const cases: [string, string, Record<string, unknown> | undefined][] = [
  ['a hinted root field and its inheriting fields', '{ product(id: "1") { id name price { amount currency } } }', undefined],
  ['a list of them', '{ products { id price { amount } } }', undefined],
  ['a shorter hint below', '{ product(id: "1") { name stock { available detail { note } } } }', undefined],
  ['an object type without a hint below', '{ product(id: "1") { supplier { name } } }', undefined],
  ['a root field without a hint', '{ greeting }', undefined],
  ['a root object without a hint', '{ basket { size } }', undefined],
  ['a private hint', '{ mine { name } product(id: "2") { name } }', undefined],
  ['fragments', 'query { product(id: "1") { ...P } } fragment P on Product { name stock { ...S } } fragment S on Stock { available }', undefined],
  ['entities of one type', entities, { representations: [{ __typename: 'Product', id: '1' }, { __typename: 'Product', id: '2' }] }],
  ['entities of two types', entities, { representations: [{ __typename: 'Product', id: '1' }, { __typename: 'Stock', id: '1' }] }],
  ['no entities', entities, { representations: [] }],
  ['an error', '{ product(id: "1") { nope } }', undefined],
];

describe('operationCachePolicy (the cache policy once per operation)', () => {
  it.each(cases)('gives the Cache-Control header Apollo Server\'s per-field plugin gives: %s', async (_, query, variables) => {
    const apollo = await cacheControl([ApolloServerPluginCacheControl()], query, variables);
    const once = await cacheControl([ApolloServerPluginCacheControlDisabled(), operationCachePolicy()], query, variables);
    expect(once).toBe(apollo);
    expect(once).toBeDefined();
  });

  it('keeps the policy of an operation, but reads the entity types of each request afresh', async () => {
    const plugin = operationCachePolicy();
    const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]), plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), plugin] });
    await server.start();
    try {
      const headers = [];
      for (const representations of [[{ __typename: 'Product', id: '1' }], [{ __typename: 'Stock', id: '1' }], [{ __typename: 'Product', id: '2' }]]) {
        headers.push((await server.executeOperation({ query: entities, variables: { representations } })).http.headers.get('cache-control'));
      }
      expect(headers).toEqual(['max-age=60, public', 'max-age=5, public', 'max-age=60, public']);
    } finally {
      await server.stop();
    }
  });
});
