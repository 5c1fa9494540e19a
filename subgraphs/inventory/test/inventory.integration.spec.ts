import { ADJUST, ENTITIES, RECEIVE, aProductId, customer, productRefs, startHarness } from './inventory-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

jest.setTimeout(60_000);

const inventory = startedForThisFile(startHarness);

async function receive(productId: string, warehouseId: string, quantity: number) {
  const { body } = await inventory.request(RECEIVE, { input: { productId, warehouseId, quantity } });
  return body.data?.receiveStock;
}

async function adjust(productId: string, warehouseId: string, quantity: number, reason = 'stock count') {
  const { body } = await inventory.request(ADJUST, { input: { productId, warehouseId, quantity, reason } });
  return body.data?.adjustStock;
}

/** The product's audit trail, receipts first, each kind by quantity (timestamps can tie). */
async function movementsOf(productId: string): Promise<{ kind: string; quantity: number; reason: string | null }[]> {
  const { rows } = await inventory.sql.query('SELECT kind, quantity, reason FROM stock_movements WHERE product_id = $1 ORDER BY kind, quantity', [productId]);
  return rows;
}

describe('inventory subgraph', () => {
  it('lists its warehouses', async () => {
    const { body } = await inventory.request('{ warehouses { id name country } }', {}, null);
    expect(body.data?.warehouses).toEqual([
      { id: 'eu-central', name: 'Frankfurt', country: 'DE' },
      { id: 'us-east', name: 'Newark', country: 'US' },
    ]);
  });

  it('receives stock and shows it on the Product entity; an unknown product has none', async () => {
    const known = await inventory.learnedProduct();
    const unknown = aProductId();
    expect((await receive(known, 'eu-central', 5)).errors).toEqual([]);
    const second = await receive(known, 'us-east', 3);
    expect(second).toEqual({
      stock: {
        onHand: 8,
        reserved: 0,
        available: 8,
        byWarehouse: [
          { warehouse: { id: 'eu-central', name: 'Frankfurt', country: 'DE' }, onHand: 5, reserved: 0, available: 5 },
          { warehouse: { id: 'us-east', name: 'Newark', country: 'US' }, onHand: 3, reserved: 0, available: 3 },
        ],
      },
      errors: [],
    });
    const { body } = await inventory.request(ENTITIES, productRefs([known, unknown]), null);
    expect(body.data?._entities).toEqual([
      { id: known, stock: { onHand: 8, reserved: 0, available: 8 }, inStock: true },
      { id: unknown, stock: { onHand: 0, reserved: 0, available: 0 }, inStock: false },
    ]);
    expect(await movementsOf(known)).toEqual([
      { kind: 'RECEIVED', quantity: 3, reason: null },
      { kind: 'RECEIVED', quantity: 5, reason: null },
    ]);
  });

  it('adjusts on hand both ways and keeps the reason on record', async () => {
    const productId = await inventory.learnedProduct();
    await receive(productId, 'eu-central', 10);
    expect((await adjust(productId, 'eu-central', -2, ' two broken ')).stock).toMatchObject({ onHand: 8, available: 8 });
    expect((await adjust(productId, 'eu-central', 1, 'found one')).stock).toMatchObject({ onHand: 9, available: 9 });
    expect(await movementsOf(productId)).toEqual([
      { kind: 'RECEIVED', quantity: 10, reason: null },
      { kind: 'ADJUSTED', quantity: -2, reason: 'two broken' },
      { kind: 'ADJUSTED', quantity: 1, reason: 'found one' },
    ]);
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const productId = await inventory.learnedProduct();
    const never = aProductId();
    await receive(productId, 'eu-central', 4);
    const refusals = [
      [await receive(productId, 'eu-central', 0), 'INVALID_QUANTITY', 'quantity'],
      [await receive(productId, 'eu-central', -3), 'INVALID_QUANTITY', 'quantity'],
      [await receive(productId, 'mars-1', 1), 'UNKNOWN_WAREHOUSE', 'warehouseId'],
      [await adjust(productId, 'mars-1', -1), 'UNKNOWN_WAREHOUSE', 'warehouseId'],
      [await adjust(productId, 'eu-central', 0), 'INVALID_QUANTITY', 'quantity'],
      [await adjust(productId, 'eu-central', -1, '   '), 'REASON_REQUIRED', 'reason'],
      [await adjust(productId, 'eu-central', -5), 'INSUFFICIENT_STOCK', 'quantity'],
      [await adjust(never, 'eu-central', 2), 'NO_STOCK_RECORD', 'productId'],
      [await receive(never, 'eu-central', 2), 'UNKNOWN_PRODUCT', 'productId'],
    ] as const;
    for (const [payload, code, field] of refusals) {
      expect(payload).toEqual({ stock: null, errors: [{ code, field, message: expect.any(String) }] });
    }
    expect(await movementsOf(productId)).toHaveLength(1);
    expect(await movementsOf(never)).toEqual([]);
    const { rows } = await inventory.sql.query('SELECT on_hand FROM stock_levels WHERE product_id = ANY($1)', [[productId, never]]);
    expect(rows).toEqual([{ on_hand: 4 }]);
  });

  it('lets only admins change stock, and only requests signed by the gateway in at all', async () => {
    const input = { productId: aProductId(), warehouseId: 'eu-central', quantity: 1 };
    const asCustomer = await inventory.request(RECEIVE, { input }, customer);
    expect(asCustomer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await inventory.request(ADJUST, { input: { ...input, reason: 'count' } }, null);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unsigned = await inventory.request('{ warehouses { id } }', {}, 'unsigned');
    expect(unsigned.status).toBe(401);
    expect(await movementsOf(input.productId)).toEqual([]);
  });

  it('loses no unit when 20 receipts of one unit race, the very first one included', async () => {
    const productId = await inventory.learnedProduct();
    const payloads = await Promise.all(Array.from({ length: 20 }, () => receive(productId, 'eu-central', 1)));
    expect(payloads.flatMap((payload) => payload.errors)).toEqual([]);
    const { rows } = await inventory.sql.query('SELECT on_hand, version FROM stock_levels WHERE product_id = $1', [productId]);
    expect(rows).toEqual([{ on_hand: 20, version: 19 }]);
    expect(await movementsOf(productId)).toHaveLength(20);
  });

  it('receives stock while another transaction holds its level for longer than a transaction may last by default, writing all of it', async () => {
    const productId = await inventory.learnedProduct();
    await receive(productId, 'eu-central', 5);
    // Past Prisma's default interactive-transaction timeout (5 s), which would cut the mutation's
    // transaction short: the database bounds it instead (POSTGRES_SESSION_LIMITS).
    await inventory.sql.query('BEGIN');
    await inventory.sql.query('SELECT 1 FROM stock_levels WHERE product_id = $1 FOR UPDATE', [productId]);
    const received = receive(productId, 'eu-central', 1);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await inventory.sql.query('COMMIT');

    expect((await received).errors).toEqual([]);
    const { rows } = await inventory.sql.query('SELECT on_hand FROM stock_levels WHERE product_id = $1', [productId]);
    expect(rows).toEqual([{ on_hand: 6 }]);
    expect(await movementsOf(productId)).toHaveLength(2);
  });

  it('never takes on hand below zero when adjustments race', async () => {
    const productId = await inventory.learnedProduct();
    await receive(productId, 'us-east', 5);
    const payloads = await Promise.all(Array.from({ length: 10 }, () => adjust(productId, 'us-east', -1, 'shrinkage')));
    const codes = payloads.map((payload) => payload.errors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual([...Array(5).fill('INSUFFICIENT_STOCK'), ...Array(5).fill('OK')]);
    const { body } = await inventory.request(ENTITIES, productRefs([productId]), null);
    expect(body.data?._entities[0]).toMatchObject({ stock: { onHand: 0, available: 0 }, inStock: false });
    expect(await movementsOf(productId)).toHaveLength(6);
  });

  it('keeps reserved units: an adjustment below them is refused, and so is a bad UPDATE by the database', async () => {
    const productId = await inventory.learnedProduct();
    await receive(productId, 'eu-central', 5);
    await inventory.sql.query('UPDATE stock_levels SET reserved = 3 WHERE product_id = $1', [productId]);
    expect((await adjust(productId, 'eu-central', -3)).errors).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_STOCK', field: 'quantity' })]);
    expect((await adjust(productId, 'eu-central', -2)).stock).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
    const { body } = await inventory.request(ENTITIES, productRefs([productId]), null);
    expect(body.data?._entities[0]).toMatchObject({ stock: { onHand: 3, reserved: 3, available: 0 }, inStock: false });

    for (const update of ['on_hand = reserved - 1', 'reserved = on_hand + 1', 'reserved = -1, on_hand = 0']) {
      await expect(inventory.sql.query(`UPDATE stock_levels SET ${update} WHERE product_id = $1`, [productId])).rejects.toMatchObject({
        code: '23514',
        constraint: 'stock_levels_quantities_check',
      });
    }
  });

  it('resolves 100 Product references with one SQL query', async () => {
    const ids = Array.from({ length: 100 }, aProductId);
    await inventory.sql.query(
      `INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved, updated_at)
       SELECT id, w, 2, 1, now() FROM unnest($1::text[]) AS id, unnest(ARRAY['eu-central', 'us-east']) AS w`,
      [ids.slice(0, 50)],
    );
    inventory.sqlQueries.reset();
    const { body } = await inventory.request(ENTITIES, productRefs(ids), null);
    expect(inventory.sqlQueries.count).toBe(1);
    expect(body.data?._entities).toHaveLength(100);
    expect(body.data?._entities[0]).toEqual({ id: ids[0], stock: { onHand: 4, reserved: 2, available: 2 }, inStock: true });
    expect(body.data?._entities[99]).toEqual({ id: ids[99], stock: { onHand: 0, reserved: 0, available: 0 }, inStock: false });

    inventory.sqlQueries.reset();
    const withWarehouses = await inventory.request(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { stock { byWarehouse { warehouse { name } } } } } }`,
      productRefs(ids),
      null,
    );
    expect(withWarehouses.body.errors).toBeUndefined();
    expect(inventory.sqlQueries.count).toBe(2);
  });
});
