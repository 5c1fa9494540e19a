import { RejectedEventError, OutboxRelay } from '@storefront/messaging';
import { ProductNotYetLearnedError } from '@storefront/kernel';
import { eventually } from '../../../test/support/event-bus';
import { productCreated, productDiscontinued, productPriceChanged } from '../../../test/support/catalog-events';
import { AWAITING_MEASUREMENT, PARCEL_STATUSES, aProductId, admin, asProducts, startHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const shipping = startedForThisFile(startHarness);

const stored = (productId: string) => shipping.db.shippableProduct.findUnique({ where: { productId } });
const inboxHolds = async (eventId: string) => (await shipping.db.inboxEvent.count({ where: { eventId } })) === 1;

async function parcelStatusOf(productId: string): Promise<string | null> {
  const { data } = await shipping.graphql(PARCEL_STATUSES, { representations: asProducts([productId]) });
  return data!._entities[0].parcelStatus;
}

async function awaitingMeasurement(): Promise<string[]> {
  const { data } = await shipping.graphql(AWAITING_MEASUREMENT, { first: 100 }, admin);
  return data!.productsAwaitingMeasurement.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

describe("shipping's handling of catalog's events", () => {
  it('learns a created product, in its own words: a parcel awaiting measurement, without its price', async () => {
    const productId = aProductId();
    expect(await parcelStatusOf(productId)).toBeNull();

    expect(await shipping.consumer.handle(productCreated(productId, { sku: 'MUG-1', name: 'Enamel mug', version: 0 }))).toBe('handled');

    expect(await stored(productId)).toEqual({ productId, sku: 'MUG-1', name: 'Enamel mug', catalogVersion: 0, discontinuedAt: null, learnedAt: expect.any(Date) });
    expect(await parcelStatusOf(productId)).toBe('AWAITING_MEASUREMENT');
    expect(await awaitingMeasurement()).toContain(productId);
  });

  it('has one effect when the same event arrives twice', async () => {
    const productId = aProductId();
    const created = productCreated(productId, { name: 'First name' });
    expect(await shipping.consumer.handle(created)).toBe('handled');
    // Between the deliveries the row changes, so a second effect would show.
    await shipping.db.shippableProduct.update({ where: { productId }, data: { name: 'Changed since' } });

    expect(await shipping.consumer.handle(created)).toBe('duplicate');
    expect(await shipping.db.shippableProduct.findMany({ where: { productId }, select: { name: true } })).toEqual([{ name: 'Changed since' }]);
    expect(await inboxHolds(created.id)).toBe(true);
  });

  it('learns a product once even when catalog publishes it again under another event id', async () => {
    const productId = aProductId();
    await shipping.consumer.handle(productCreated(productId, { name: 'Mug' }));
    expect(await shipping.consumer.handle(productCreated(productId, { name: 'Mug, again' }))).toBe('handled');
    expect(await shipping.db.shippableProduct.findMany({ where: { productId }, select: { name: true } })).toEqual([{ name: 'Mug' }]);
  });

  it('marks a discontinued product, which then no longer waits to be measured', async () => {
    const productId = aProductId();
    const at = new Date('2026-11-20T12:00:00.000Z');
    await shipping.consumer.handle(productCreated(productId, { version: 0 }));

    expect(await shipping.consumer.handle(productDiscontinued(productId, 1, at))).toBe('handled');

    expect(await stored(productId)).toMatchObject({ catalogVersion: 1, discontinuedAt: at });
    expect(await awaitingMeasurement()).not.toContain(productId);
    expect(await parcelStatusOf(productId)).toBe('AWAITING_MEASUREMENT');
  });

  it('ignores a discontinuation whose version is not newer than what it knows', async () => {
    const productId = aProductId();
    await shipping.consumer.handle(productCreated(productId, { version: 3 }));

    for (const version of [2, 3]) expect(await shipping.consumer.handle(productDiscontinued(productId, version))).toBe('handled');

    expect(await stored(productId)).toMatchObject({ catalogVersion: 3, discontinuedAt: null });
    expect(await awaitingMeasurement()).toContain(productId);
  });

  it('keeps the newest version when discontinuations of one product are handled at once', async () => {
    const productId = aProductId();
    const first = new Date('2026-11-20T12:00:00.000Z');
    await shipping.consumer.handle(productCreated(productId, { version: 0 }));

    await Promise.all([5, 2, 4, 1, 3].map((version) => shipping.consumer.handle(productDiscontinued(productId, version, new Date(first.getTime() + version * 1000)))));

    expect((await stored(productId))?.catalogVersion).toBe(5);
  });

  it('throws a retryable error, not a rejection, for a discontinuation that arrives before the product, and records nothing', async () => {
    const productId = aProductId();
    const discontinued = productDiscontinued(productId, 1);

    const early = shipping.consumer.handle(discontinued);
    await expect(early).rejects.toBeInstanceOf(ProductNotYetLearnedError);
    await expect(early).rejects.not.toBeInstanceOf(RejectedEventError);
    expect(await inboxHolds(discontinued.id)).toBe(false);
    expect(await stored(productId)).toBeNull();

    // The retry, once the product is known, applies it.
    await shipping.consumer.handle(productCreated(productId));
    expect(await shipping.consumer.handle(discontinued)).toBe('handled');
    expect(await stored(productId)).toMatchObject({ catalogVersion: 1, discontinuedAt: expect.any(Date) });
  });

  it('rejects for good what it does not subscribe to and payloads that break the contract', async () => {
    const productId = aProductId();
    await expect(shipping.consumer.handle(productPriceChanged(productId, 1))).rejects.toBeInstanceOf(RejectedEventError);
    const created = productCreated(productId);
    await expect(shipping.consumer.handle({ ...created, payload: { ...(created.payload as object), sku: '' } })).rejects.toBeInstanceOf(RejectedEventError);
    expect(await stored(productId)).toBeNull();
  });
});

describe('delivery through the queue', () => {
  let relay: OutboxRelay;

  beforeAll(() => {
    // Only its publishing is used: it routes events to the subscribers' queues under this run's prefix.
    relay = new OutboxRelay({ context: 'catalog', databaseUrl: 'postgresql://unused@127.0.0.1:1/unused', events: shipping.events });
  });

  afterAll(async () => {
    await relay?.stop();
  });

  it("retries a discontinuation that came first until catalog's product-created has been handled", async () => {
    const productId = aProductId();
    await relay.publish([productDiscontinued(productId, 1)]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await stored(productId)).toBeNull();

    await relay.publish([productCreated(productId, { version: 0 })]);

    const learned = await eventually(async () => {
      const product = await stored(productId);
      return product?.discontinuedAt ? product : undefined;
    }, 'the discontinuation to be applied after its retry');
    expect(learned).toMatchObject({ catalogVersion: 1 });
  });
});
