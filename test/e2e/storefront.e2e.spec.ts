import { eventually } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

const ops = clientOperations('storefront');
let system: RunningSystem;
let endpoint: string;
let admin: string;
let customer: string;

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
  admin = await system.token('admin-1', ['customer', 'admin']);
  customer = await system.token('customer-1');
});
afterAll(() => system?.stop());

interface ListPage {
  products: {
    edges: { cursor: string; node: { id: string; sku: string; name: string; price: { formatted: string }; inStock: boolean; stock: { available: number }; shippingEstimate: { days: number; price: { amount: number } } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('the storefront product list', () => {
  it('answers ProductList with fields from catalog, inventory and shipping', async () => {
    const result = await graphql<ListPage>(endpoint, ops.ProductList!, { first: 100, country: 'DE' });
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.products.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(100);
    expect(result.data!.products.pageInfo.hasNextPage).toBe(true);
    for (const node of nodes) {
      expect(node.price.formatted).toMatch(/€/);
      expect(typeof node.stock.available).toBe('number');
      expect(node.inStock).toBe(node.stock.available > 0);
      expect(node.shippingEstimate?.days).toBeGreaterThan(0);
    }
    expect(nodes.some((node) => !node.inStock)).toBe(true);
  });

  it('pages through every product exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result: Awaited<ReturnType<typeof graphql<ListPage>>> = await graphql<ListPage>(endpoint, ops.ProductList!, { first: 17, after, country: 'FR' });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.products.edges.map((edge) => edge.node.sku));
      if (!result.data!.products.pageInfo.hasNextPage) break;
      after = result.data!.products.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(108);
    expect([...seen].sort()).toEqual(seen);
  });

  it('costs one SQL query per subgraph for a 100-product list', async () => {
    await graphql(endpoint, ops.ProductList!, { first: 100, country: 'DE' });
    for (const subgraph of Object.values(system.subgraphs)) subgraph.sqlQueries.reset();
    const result = await graphql(endpoint, ops.ProductList!, { first: 100, country: 'DE' });
    expect(result.errors).toBeUndefined();
    expect({
      catalog: system.subgraph('catalog').sqlQueries.count,
      inventory: system.subgraph('inventory').sqlQueries.count,
      shipping: system.subgraph('shipping').sqlQueries.count,
    }).toEqual({ catalog: 1, inventory: 1, shipping: 1 });
  });

  it.each([
    [{ first: 101 }, 'BAD_USER_INPUT', /first/],
    [{ first: -1 }, 'BAD_USER_INPUT', /first/],
    [{ first: 5, after: 'not-a-cursor!' }, 'BAD_USER_INPUT', /cursor/],
    [{ first: 5, after: Buffer.from('inventory:v1:x').toString('base64url') }, 'BAD_USER_INPUT', /cursor/],
  ])('refuses %j with %s', async (variables, code, message) => {
    const result = await graphql(endpoint, ops.ProductList!, { country: 'DE', ...variables });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code }) });
  });

  it('refuses a country that is not an ISO code, naming the argument', async () => {
    const result = await graphql(endpoint, ops.ProductList!, { first: 2, country: 'Germany' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/country/);
  });

  it('refuses a search for the NUL character as bad input, naming the field', async () => {
    const result = await graphql(endpoint, 'query ($search: String) { products(first: 2, filter: { search: $search }) { edges { node { id } } } }', { search: 'mug\u0000' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('answers a variable of the wrong type with a 400 and a coded error, not a 500', async () => {
    const result = await graphql(endpoint, ops.ProductList!, { first: 'ten', country: 'DE' });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a product page', () => {
  it('shows one product from all three contexts', async () => {
    const list = await graphql<ListPage>(endpoint, ops.ProductList!, { first: 1, country: 'DE' });
    const id = list.data!.products.edges[0]!.node.id;
    const result = await graphql(endpoint, ops.ProductDetail!, { id, country: 'US' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.product).toMatchObject({
      id,
      status: 'ACTIVE',
      category: { name: expect.any(String) },
      stock: { onHand: expect.any(Number), reserved: 0 },
      shippingProfile: { weightGrams: expect.any(Number) },
      shippingEstimate: { carrier: expect.any(String), price: { currency: 'EUR' } },
    });
  });

  it('answers null for an id nobody has heard of', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const result = await graphql(endpoint, ops.ProductDetail!, { id, country: 'DE' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ product: null });
    }
  });
});

describe('the back office', () => {
  const newProduct = (sku: string, amount = 2599) => ({
    sku,
    name: 'Enamel camping mug',
    description: 'Light and tough.',
    price: { amount, currency: 'EUR' },
  });

  /** Inventory learns of a product from catalog.product-created.v1; until then it answers UNKNOWN_PRODUCT. */
  const receiveOnceLearned = (productId: string, warehouseId: string, quantity: number) =>
    eventually(async () => {
      const attempt = await graphql(endpoint, ops.ReceiveStock!, { input: { productId, warehouseId, quantity } }, admin);
      return attempt.data!.receiveStock.errors[0]?.code === 'UNKNOWN_PRODUCT' ? undefined : attempt.data!.receiveStock;
    }, 'inventory to learn of the new product');

  it('creates a product that can be stocked moments later and appears with its stock', async () => {
    const created = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-MUG-1') }, admin);
    expect(created.data!.createProduct).toMatchObject({ product: { sku: 'E2E-MUG-1', status: 'ACTIVE' }, errors: [] });
    const productId = created.data!.createProduct.product.id as string;

    const received = await receiveOnceLearned(productId, 'eu-central', 12);
    expect(received).toEqual({ stock: { onHand: 12, reserved: 0, available: 12 }, errors: [] });

    const detail = await graphql(endpoint, ops.ProductDetail!, { id: productId, country: 'DE' });
    expect(detail.data!.product).toMatchObject({ sku: 'E2E-MUG-1', inStock: true, stock: { available: 12 }, shippingProfile: null, shippingEstimate: null });
  });

  it('answers expected failures as typed errors naming the field', async () => {
    await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-DUP') }, admin);
    const duplicate = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('e2e-dup') }, admin);
    expect(duplicate.data!.createProduct).toEqual({ product: null, errors: [expect.objectContaining({ code: 'DUPLICATE_SKU', field: 'sku' })] });

    const negative = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-NEG', -5) }, admin);
    expect(negative.data!.createProduct.errors).toEqual([expect.objectContaining({ code: 'NEGATIVE_PRICE', field: 'price.amount' })]);

    const productId = (await graphql<ListPage>(endpoint, ops.ProductList!, { first: 1, country: 'DE' })).data!.products.edges[0]!.node.id;
    const unknownWarehouse = await graphql(endpoint, ops.ReceiveStock!, { input: { productId, warehouseId: 'atlantis', quantity: 1 } }, admin);
    expect(unknownWarehouse.data!.receiveStock).toEqual({ stock: null, errors: [expect.objectContaining({ code: 'UNKNOWN_WAREHOUSE', field: 'warehouseId' })] });
    const zero = await graphql(endpoint, ops.ReceiveStock!, { input: { productId, warehouseId: 'eu-central', quantity: 0 } }, admin);
    expect(zero.data!.receiveStock.errors).toEqual([expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'quantity' })]);
  });

  it('does not let a customer, an anonymous caller or a forged token create products', async () => {
    const asCustomer = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-NOPE') }, customer);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-NOPE') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [header, payload] = admin.split('.');
    const forged = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-NOPE') }, `${header}.${payload}.AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const list = await graphql<ListPage>(endpoint, `{ products(first: 5, filter: { search: "E2E-NOPE" }) { edges { node { id } } } }`);
    expect(list.data!.products.edges).toEqual([]);
  });

  it('loses no units when many receipts for one product arrive at once', async () => {
    const created = await graphql(endpoint, ops.CreateProduct!, { input: newProduct('E2E-RUSH') }, admin);
    const productId = created.data!.createProduct.product.id as string;
    await receiveOnceLearned(productId, 'us-east', 2);
    const receipts = Array.from({ length: 59 }, () =>
      graphql(endpoint, ops.ReceiveStock!, { input: { productId, warehouseId: 'us-east', quantity: 2 } }, admin),
    );
    const results = await Promise.all(receipts);
    expect(results.every((result) => result.data?.receiveStock.errors.length === 0)).toBe(true);
    const detail = await graphql(endpoint, ops.ProductDetail!, { id: productId, country: 'DE' });
    expect(detail.data!.product.stock).toEqual({ onHand: 120, reserved: 0, available: 120 });
  });
});
