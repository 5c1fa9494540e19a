import { Client } from 'pg';
import { eventually } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

/**
 * Catalog's product events travel through its outbox, the relay and BullMQ to inventory and
 * shipping, which learn of the product in their own words; all of it driven through the gateway.
 */
const ops = clientOperations('storefront');
let system: RunningSystem;
let endpoint: string;
let admin: string;
let sql: { catalog: Client; inventory: Client; shipping: Client; ordering: Client };

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
  admin = await system.token('admin-1', ['customer', 'admin']);
  sql = {
    catalog: new Client({ connectionString: system.databaseUrl('catalog') }),
    inventory: new Client({ connectionString: system.databaseUrl('inventory') }),
    shipping: new Client({ connectionString: system.databaseUrl('shipping') }),
    ordering: new Client({ connectionString: system.databaseUrl('ordering') }),
  };
  await Promise.all(Object.values(sql).map((client) => client.connect()));
});
afterAll(async () => {
  await Promise.all(Object.values(sql ?? {}).map((client) => client.end()));
  await system?.stop();
});

async function createProduct(sku: string): Promise<string> {
  const input = { sku, name: 'Trail lantern', description: 'Bright.', price: { amount: 3450, currency: 'EUR' } };
  const created = await graphql(endpoint, ops.CreateProduct!, { input }, admin);
  expect(created.data!.createProduct.errors).toEqual([]);
  return created.data!.createProduct.product.id as string;
}

const rowOf = async (client: Client, query: string, productId: string) => (await client.query(query, [productId])).rows[0] as Record<string, unknown> | undefined;

describe('catalog events through the gateway', () => {
  it('lets inventory refuse stock for a product it never heard of, with UNKNOWN_PRODUCT', async () => {
    const productId = '6b0c1f4e-2d7a-4f59-9a8e-000000000001';
    const refused = await graphql(endpoint, ops.ReceiveStock!, { input: { productId, warehouseId: 'eu-central', quantity: 3 } }, admin);
    expect(refused.data!.receiveStock).toEqual({ stock: null, errors: [expect.objectContaining({ code: 'UNKNOWN_PRODUCT', field: 'productId' })] });
  });

  it('teaches inventory and shipping a new product: zero stock everywhere, a parcel awaiting measurement', async () => {
    const productId = await createProduct('EVT-LANTERN-1');
    const unit = await eventually(() => rowOf(sql.inventory, 'SELECT sku, catalog_version FROM stock_keeping_units WHERE product_id = $1', productId), 'inventory to learn');
    expect(unit).toEqual({ sku: 'EVT-LANTERN-1', catalog_version: 0 });
    const parcel = await eventually(() => rowOf(sql.shipping, 'SELECT sku, name FROM shippable_products WHERE product_id = $1', productId), 'shipping to learn');
    expect(parcel).toEqual({ sku: 'EVT-LANTERN-1', name: 'Trail lantern' });

    const detail = await graphql(endpoint, '{ product(id: "' + productId + '") { stock { onHand byWarehouse { warehouse { id } onHand } } parcelStatus } }');
    expect(detail.data!.product).toEqual({
      stock: { onHand: 0, byWarehouse: [{ warehouse: { id: 'eu-central' }, onHand: 0 }, { warehouse: { id: 'us-east' }, onHand: 0 }] },
      parcelStatus: 'AWAITING_MEASUREMENT',
    });
  });

  it('publishes a price change and a discontinuation once each, in the envelope, and the subscribers follow', async () => {
    const productId = await createProduct('EVT-LANTERN-2');
    const changed = await graphql(endpoint, 'mutation ($input: ChangeProductPriceInput!) { changeProductPrice(input: $input) { errors { code } } }', { input: { id: productId, price: { amount: 2990, currency: 'EUR' } } }, admin);
    expect(changed.data!.changeProductPrice.errors).toEqual([]);
    const discontinued = await graphql(endpoint, 'mutation ($id: ID!) { discontinueProduct(id: $id) { errors { code } } }', { id: productId }, admin);
    expect(discontinued.data!.discontinueProduct.errors).toEqual([]);

    const { rows } = await sql.catalog.query('SELECT id, type, aggregate_id, correlation_id, causation_id, payload FROM outbox WHERE aggregate_id = $1 ORDER BY position', [productId]);
    expect(rows.map((row) => [row.type, row.payload.version])).toEqual([
      ['catalog.product-created.v1', 0],
      ['catalog.product-price-changed.v1', 1],
      ['catalog.product-discontinued.v1', 2],
    ]);
    expect(rows[1]).toMatchObject({ correlation_id: rows[1].id, causation_id: null, payload: { productId, price: { amount: 2990, currency: 'EUR' }, previousPrice: { amount: 3450, currency: 'EUR' } } });

    const unit = await eventually(async () => {
      const row = await rowOf(sql.inventory, 'SELECT catalog_version, discontinued_at FROM stock_keeping_units WHERE product_id = $1', productId);
      return row?.discontinued_at ? row : undefined;
    }, 'inventory to note the discontinuation');
    expect(unit!.catalog_version).toBe(2);
    await eventually(async () => ((await rowOf(sql.shipping, 'SELECT discontinued_at FROM shippable_products WHERE product_id = $1', productId))?.discontinued_at ? true : undefined), 'shipping to note it');
    const handled = await sql.inventory.query('SELECT event_id FROM inbox WHERE event_id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
    expect(handled.rowCount).toBe(2); // created and discontinued; inventory does not subscribe to price changes
  });

  it("carries a rename and a new category to ordering's price list, so new orders and carts show the new name", async () => {
    const productId = await createProduct('EVT-LANTERN-3');
    await eventually(() => rowOf(sql.ordering, 'SELECT name FROM price_list WHERE product_id = $1', productId), 'ordering to learn the product');
    const categoryId = (await sql.catalog.query('SELECT id FROM categories ORDER BY id LIMIT 1')).rows[0]?.id ?? null;
    const update = 'mutation ($input: UpdateProductDetailsInput!) { updateProductDetails(input: $input) { errors { code } } }';
    const renamed = await graphql(endpoint, update, { input: { id: productId, name: 'Storm lantern', categoryId } }, admin);
    expect(renamed.data!.updateProductDetails.errors).toEqual([]);

    const { rows } = await sql.catalog.query('SELECT type, payload FROM outbox WHERE aggregate_id = $1 ORDER BY position', [productId]);
    expect(rows.map((row) => row.type)).toEqual(['catalog.product-created.v1', 'catalog.product-details-changed.v1']);
    expect(rows[1].payload).toEqual({ productId, name: 'Storm lantern', categoryId, version: 1 });
    const entry = await eventually(async () => {
      const row = await rowOf(sql.ordering, 'SELECT name, category_id, catalog_version FROM price_list WHERE product_id = $1', productId);
      return row?.catalog_version === 1 ? row : undefined;
    }, 'ordering to take the new name');
    expect(entry).toEqual({ name: 'Storm lantern', category_id: categoryId, catalog_version: 1 });
  });
});
