import { ProductNotYetLearnedError } from '@storefront/kernel';
import { productCreated, productDiscontinued, productPriceChanged } from '../../../test/support/catalog-events';
import { aProductId, startHarness } from './inventory-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const inventory = startedForThisFile(startHarness);

const unitOf = async (productId: string) =>
  (await inventory.sql.query('SELECT sku, catalog_version, discontinued_at FROM stock_keeping_units WHERE product_id = $1', [productId])).rows;
const levelsOf = async (productId: string) =>
  (await inventory.sql.query('SELECT warehouse_id, on_hand, reserved FROM stock_levels WHERE product_id = $1 ORDER BY warehouse_id', [productId])).rows;

describe("inventory's handling of catalog's events", () => {
  it('learns a created product as a unit with zero stock in every warehouse', async () => {
    const productId = aProductId();
    expect(await inventory.consumer.handle(productCreated(productId, { sku: 'MUG-9' }))).toBe('handled');
    expect(await unitOf(productId)).toEqual([{ sku: 'MUG-9', catalog_version: 0, discontinued_at: null }]);
    expect(await levelsOf(productId)).toEqual([
      { warehouse_id: 'eu-central', on_hand: 0, reserved: 0 },
      { warehouse_id: 'us-east', on_hand: 0, reserved: 0 },
    ]);
  });

  it('has one effect when the same event arrives twice, even after the stock changed in between', async () => {
    const productId = aProductId();
    const created = productCreated(productId);
    await inventory.consumer.handle(created);
    await inventory.sql.query("UPDATE stock_levels SET on_hand = 7 WHERE product_id = $1 AND warehouse_id = 'eu-central'", [productId]);
    expect(await inventory.consumer.handle(created)).toBe('duplicate');
    expect(await inventory.consumer.handle(productCreated(productId))).toBe('handled');
    expect((await levelsOf(productId))[0]).toEqual({ warehouse_id: 'eu-central', on_hand: 7, reserved: 0 });
  });

  it('notes a discontinuation once, and ignores one older than what it already knows', async () => {
    const productId = aProductId();
    await inventory.consumer.handle(productCreated(productId));
    const at = new Date('2026-11-20T10:00:00.000Z');
    await inventory.consumer.handle(productDiscontinued(productId, 3, at));
    await inventory.consumer.handle(productDiscontinued(productId, 2, new Date('2026-11-21T10:00:00.000Z')));
    expect(await unitOf(productId)).toEqual([{ sku: expect.any(String), catalog_version: 3, discontinued_at: at }]);
  });

  it('retries a discontinuation that arrives before the product, without recording it as handled', async () => {
    const productId = aProductId();
    const early = productDiscontinued(productId, 1);
    await expect(inventory.consumer.handle(early)).rejects.toBeInstanceOf(ProductNotYetLearnedError);
    expect((await inventory.sql.query('SELECT 1 FROM inbox WHERE event_id = $1', [early.id])).rowCount).toBe(0);
    await inventory.consumer.handle(productCreated(productId));
    expect(await inventory.consumer.handle(early)).toBe('handled');
    expect((await unitOf(productId))[0].catalog_version).toBe(1);
  });

  it('rejects an event it does not subscribe to (price changes are not inventory business)', async () => {
    await expect(inventory.consumer.handle(productPriceChanged(aProductId(), 1))).rejects.toThrow(/does not subscribe to catalog.product-price-changed.v1/);
  });
});
