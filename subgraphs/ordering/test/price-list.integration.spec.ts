import { randomUUID } from 'node:crypto';
import { ProductPriceChangedV1 } from '@storefront/events';
import { OutboxRelay, RejectedEventError, toEnvelope } from '@storefront/messaging';
import { ProductNotYetLearnedError } from '@storefront/kernel';
import { seedPriceList } from '../src/infrastructure/seed-price-list';
import { eventually } from '../../../test/support/event-bus';
import { productCreated, productDetailsChanged, productDiscontinued } from '../../../test/support/catalog-events';
import { aCustomer, startHarness } from './ordering-harness';
import { anOrderInput, placeOrder } from './ordering-operations';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

function priceChanged(productId: string, amount: number, version: number) {
  const payload = { productId, price: { amount, currency: 'EUR' }, previousPrice: { amount: 1299, currency: 'EUR' }, version };
  return toEnvelope({ contract: ProductPriceChangedV1, aggregateId: productId, payload, occurredAt: new Date() });
}

const entry = async (productId: string) =>
  (
    await ordering.sql.query(
      'SELECT sku, name, price_amount, price_currency, discontinued_at IS NOT NULL AS discontinued, catalog_version FROM price_list WHERE product_id = $1',
      [productId],
    )
  ).rows[0];

const orderOne = (productId: string) => placeOrder(ordering, aCustomer(), anOrderInput([productId]));

describe("the price list follows catalog's events", () => {
  it('learns a created product, which can then be ordered at its price', async () => {
    const productId = randomUUID();
    expect((await orderOne(productId)).errors[0].code).toBe('UNKNOWN_PRODUCT');

    const created = productCreated(productId, { sku: 'MUG-9', name: 'Enamel mug', version: 0 });
    expect(await ordering.consumer.handle(created)).toBe('handled');
    expect(await ordering.consumer.handle(created)).toBe('duplicate');

    expect(await entry(productId)).toEqual({ sku: 'MUG-9', name: 'Enamel mug', price_amount: 1299, price_currency: 'EUR', discontinued: false, catalog_version: 0 });
    const { order } = await orderOne(productId);
    expect(order.lines[0]).toMatchObject({ name: 'Enamel mug', unitPrice: { amount: 1299, currency: 'EUR' } });
  });

  it('orders at the newest price, and ignores a price whose version arrives late', async () => {
    const productId = randomUUID();
    await ordering.consumer.handle(productCreated(productId, { version: 0 }));

    await ordering.consumer.handle(priceChanged(productId, 1599, 3));
    for (const stale of [priceChanged(productId, 1499, 2), priceChanged(productId, 1, 3)]) expect(await ordering.consumer.handle(stale)).toBe('handled');
    const again = priceChanged(productId, 1799, 4);
    await ordering.consumer.handle(again);
    await ordering.sql.query('UPDATE price_list SET price_amount = 1899 WHERE product_id = $1', [productId]);
    expect(await ordering.consumer.handle(again)).toBe('duplicate');

    expect(await entry(productId)).toMatchObject({ price_amount: 1899, catalog_version: 4 });
    expect((await orderOne(productId)).order.total).toEqual({ amount: 1899, currency: 'EUR', formatted: '€18.99' });
  });

  it('takes a new name and category from details-changed, files a created product under its category, and ignores late details', async () => {
    const productId = randomUUID();
    const [kitchen, garden] = [randomUUID(), randomUUID()];
    await ordering.consumer.handle(productCreated(productId, { version: 0, categoryId: kitchen }));
    const category = async () => (await ordering.sql.query('SELECT category_id FROM price_list WHERE product_id = $1', [productId])).rows[0].category_id;
    expect(await category()).toBe(kitchen);

    const renamed = productDetailsChanged(productId, 2, { name: 'Stoneware mug', categoryId: garden });
    expect(await ordering.consumer.handle(renamed)).toBe('handled');
    expect(await ordering.consumer.handle(renamed)).toBe('duplicate');
    expect(await ordering.consumer.handle(productDetailsChanged(productId, 1, { name: 'Old name', categoryId: null }))).toBe('handled');

    expect(await entry(productId)).toMatchObject({ name: 'Stoneware mug', catalog_version: 2 });
    expect(await category()).toBe(garden);
    expect((await orderOne(productId)).order.lines[0].name).toBe('Stoneware mug');
  });

  it('learns a product created before catalog announced categories without one', async () => {
    const productId = randomUUID();
    await ordering.consumer.handle(productCreated(productId, { version: 0 }));
    expect((await ordering.sql.query('SELECT category_id FROM price_list WHERE product_id = $1', [productId])).rows[0].category_id).toBeNull();
  });

  it('keeps the newest version when price changes of one product are handled at once', async () => {
    const productId = randomUUID();
    await ordering.consumer.handle(productCreated(productId, { version: 0 }));
    await Promise.all([5, 2, 4, 1, 3].map((version) => ordering.consumer.handle(priceChanged(productId, 1000 + version, version))));
    expect(await entry(productId)).toMatchObject({ price_amount: 1005, catalog_version: 5 });
  });

  it('stops selling a discontinued product; an older discontinuation changes nothing', async () => {
    const kept = randomUUID();
    const dropped = randomUUID();
    await ordering.consumer.handle(productCreated(kept, { version: 2 }));
    await ordering.consumer.handle(productCreated(dropped, { version: 0 }));

    await ordering.consumer.handle(productDiscontinued(kept, 2));
    await ordering.consumer.handle(productDiscontinued(dropped, 1));

    expect(await entry(kept)).toMatchObject({ discontinued: false, catalog_version: 2 });
    expect(await entry(dropped)).toMatchObject({ discontinued: true, catalog_version: 1 });
    expect((await orderOne(kept)).errors).toEqual([]);
    expect((await orderOne(dropped)).errors).toEqual([expect.objectContaining({ code: 'PRODUCT_DISCONTINUED', field: 'lines.0.productId' })]);
  });

  it('throws a retryable error, not a rejection, for a change to a product it has not learned yet', async () => {
    const productId = randomUUID();
    for (const early of [priceChanged(productId, 1499, 1), productDiscontinued(productId, 1)]) {
      const handled = ordering.consumer.handle(early);
      await expect(handled).rejects.toBeInstanceOf(ProductNotYetLearnedError);
      await expect(handled).rejects.not.toBeInstanceOf(RejectedEventError);
    }
    expect(await entry(productId)).toBeUndefined();
  });
});

describe('seeding the price list', () => {
  it('adds products at catalog version 0, only those missing, never undoing what events changed', async () => {
    const [mug, teapot] = [randomUUID(), randomUUID()];
    const product = (id: string, amount: number) => ({ id, sku: `SKU-${id.slice(0, 6)}`, name: 'Demo', price: { amount, currency: 'EUR' } });
    expect(await seedPriceList(ordering.db, [product(mug, 1000)])).toBe(1);
    await ordering.consumer.handle(priceChanged(mug, 1500, 1));

    expect(await seedPriceList(ordering.db, [product(mug, 1000), product(teapot, 2000)])).toBe(1);
    expect(await entry(mug)).toMatchObject({ price_amount: 1500, catalog_version: 1 });
    expect(await entry(teapot)).toMatchObject({ price_amount: 2000, catalog_version: 0, discontinued: false });
  });
});

describe('delivery through the queue', () => {
  let relay: OutboxRelay;

  beforeAll(() => {
    relay = new OutboxRelay({ context: 'catalog', databaseUrl: 'postgresql://unused@127.0.0.1:1/unused', events: ordering.events });
  });

  afterAll(async () => {
    await relay?.stop();
  });

  it("applies a price change that came before catalog's product-created once the product is learned", async () => {
    const productId = randomUUID();
    await relay.publish([priceChanged(productId, 2499, 1)]);
    await relay.publish([productCreated(productId, { version: 0 })]);
    const learned = await eventually(async () => {
      const row = await entry(productId);
      return row?.catalog_version === 1 ? row : undefined;
    }, 'the price change to be applied after its retry');
    expect(learned).toMatchObject({ price_amount: 2499 });
  });
});
