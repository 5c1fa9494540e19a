import { dropDatabase, ensureDatabase, migrateContext } from '../src';
import { uniqueDatabaseUrl, withClient } from './support/test-database';

/** The invariants Prisma cannot model live in hand-written CHECK constraints of the migrations. */
describe('inventory stock levels', () => {
  const databaseUrl = uniqueDatabaseUrl('inventory');

  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    await migrateContext({ context: 'inventory', databaseUrl });
    await withClient(databaseUrl, (client) =>
      client.query(`INSERT INTO warehouses (id, name, country) VALUES ('w1', 'Lyon', 'FR')`),
    );
  });

  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  const insertStockLevel = (onHand: number, reserved: number) =>
    withClient(databaseUrl, (client) =>
      client.query(
        `INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved, updated_at)
         VALUES (gen_random_uuid()::text, 'w1', $1, $2, now())`,
        [onHand, reserved],
      ),
    );

  it('are guarded by stock_levels_quantities_check', async () => {
    const constraint = await withClient(databaseUrl, (client) =>
      client.query<{ definition: string }>(
        `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
         WHERE conrelid = 'stock_levels'::regclass AND conname = 'stock_levels_quantities_check'`,
      ),
    );
    expect(constraint.rows).toEqual([{ definition: 'CHECK (((reserved >= 0) AND (on_hand >= reserved)))' }]);
  });

  it('accept reserved units up to the units on hand', async () => {
    await expect(insertStockLevel(5, 5)).resolves.toMatchObject({ rowCount: 1 });
  });

  it('reject more reserved units than on hand', async () => {
    await expect(insertStockLevel(2, 3)).rejects.toMatchObject({
      code: '23514',
      constraint: 'stock_levels_quantities_check',
    });
  });

  it('reject negative reservations', async () => {
    await expect(insertStockLevel(2, -1)).rejects.toMatchObject({ code: '23514' });
  });
});
