import { eventually } from '../../../test/support/event-bus';
import { CONFIRM_DELIVERY, DISPATCH, anOrderId, confirmedOrder, orderCancelled, orderReleasedForDispatch, publishedAbout } from './order-events';
import { aProductId, admin, customer, startHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const shipping = startedForThisFile(startHarness);

const dispatch = async (orderId: string, identity = admin) => (await shipping.graphql(DISPATCH, { orderId }, identity)).data?.dispatchShipment;
/** The admin's dispatch, agreed by ordering: the parcel leaves. */
const dispatchAgreed = async (orderId: string) => {
  const requested = await dispatch(orderId);
  await shipping.consumer.handle(orderReleasedForDispatch(orderId));
  return requested;
};
const confirmDelivery = async (orderId: string) => (await shipping.graphql(CONFIRM_DELIVERY, { orderId }, admin)).data?.confirmDelivery;

/** A product weighing `grams`, measured in a small box. */
async function measuredProduct(grams: number): Promise<string> {
  const productId = aProductId();
  await shipping.db.parcelProfile.create({ data: { productId, weightGrams: grams, lengthMm: 100, widthMm: 100, heightMm: 100 } });
  return productId;
}

describe('dispatching and delivering shipments', () => {
  it('labels the parcel for the carrier cheapest for everything in it, asks ordering, and dispatches it once ordering agrees, with the lines', async () => {
    const heavy = await measuredProduct(3000);
    const lines = [{ productId: heavy, quantity: 2 }, { productId: aProductId(), quantity: 1 }];
    const orderId = await confirmedOrder(shipping, { lines, country: 'DE' });

    const payload = await dispatch(orderId);

    // 6 kg to Germany: DHL 4.99 + 6 x 0.50 = 7.99 beats Post 4.49 + 6 x 0.60 = 8.09 (the unmeasured mug adds nothing).
    expect(payload).toEqual({
      shipment: { id: expect.any(String), status: 'DISPATCH_REQUESTED', carrier: 'DHL', trackingNumber: expect.stringMatching(/^DHL-[0-9A-F]{16}$/), dispatchedAt: null, deliveredAt: null },
      errors: [],
    });
    const { id: shipmentId, trackingNumber } = payload.shipment;
    expect(await publishedAbout(shipping, orderId)).toEqual([
      expect.objectContaining({ type: 'shipping.dispatch-requested.v1', aggregateId: shipmentId, causationId: null, payload: { orderId, shipmentId } }),
    ]);
    // Asked again (the first answer lost on its way back): the same shipment, same label, nothing new published.
    expect(await dispatch(orderId)).toEqual(payload);

    const released = orderReleasedForDispatch(orderId);
    expect(await shipping.consumer.handle(released)).toBe('handled');
    expect(await shipping.consumer.handle(orderReleasedForDispatch(orderId))).toBe('handled');
    const [, dispatched, ...more] = await publishedAbout(shipping, orderId);
    expect(more).toEqual([]);
    expect(dispatched).toMatchObject({ type: 'shipping.shipment-dispatched.v1', aggregateId: shipmentId, causationId: released.id });
    expect(dispatched!.payload).toEqual({ orderId, shipmentId, carrier: 'DHL', trackingNumber, lines: expect.arrayContaining(lines) });
    expect((dispatched!.payload as { lines: unknown[] }).lines).toHaveLength(2);
    await eventually(async () => (await publishedAbout(shipping, orderId))[1]?.publishedAt ?? undefined, 'the relay to publish shipment-dispatched');

    expect(await dispatch(orderId)).toEqual({ shipment: { ...payload.shipment, status: 'DISPATCHED', dispatchedAt: expect.any(String) }, errors: [] });
    expect(await publishedAbout(shipping, orderId)).toHaveLength(2);
  });

  it('chooses by base price when nothing in the parcel is measured', async () => {
    const orderId = await confirmedOrder(shipping, { country: 'DE' });
    expect((await dispatch(orderId)).shipment.carrier).toBe('Post');
  });

  it('dispatches once when admins dispatch at the same moment, and answers each of them with that one label', async () => {
    const orderId = await confirmedOrder(shipping);

    const payloads = await Promise.all(Array.from({ length: 4 }, () => dispatch(orderId)));

    expect(payloads.flatMap((payload) => payload.errors)).toEqual([]);
    expect(new Set(payloads.map((payload) => payload.shipment.trackingNumber)).size).toBe(1);
    expect((await publishedAbout(shipping, orderId)).map((event) => event.type)).toEqual(['shipping.dispatch-requested.v1']);
  });

  it('still refuses to dispatch a shipment whose order was cancelled, or one delivered, however often asked', async () => {
    const cancelled = await confirmedOrder(shipping);
    await shipping.consumer.handle(orderCancelled(cancelled));
    const delivered = await confirmedOrder(shipping);
    await dispatchAgreed(delivered);
    await confirmDelivery(delivered);

    for (const [orderId, status] of [[cancelled, 'CANCELLED'], [delivered, 'DELIVERED']] as const) {
      for (let time = 0; time < 2; time += 1) {
        expect(await dispatch(orderId)).toEqual({ shipment: null, errors: [{ code: 'NOT_DISPATCHABLE', field: 'orderId', message: expect.stringContaining(status) }] });
      }
    }
    expect((await confirmDelivery(cancelled)).errors).toEqual([expect.objectContaining({ code: 'NOT_DELIVERABLE' })]);
    expect(await publishedAbout(shipping, cancelled)).toEqual([]);
  });

  it('confirms the delivery of a dispatched shipment once, says so once, and answers a repeat the same', async () => {
    const orderId = await confirmedOrder(shipping);
    expect(await confirmDelivery(orderId)).toEqual({ shipment: null, errors: [{ code: 'NOT_DELIVERABLE', field: 'orderId', message: expect.stringContaining('PENDING') }] });
    const { shipment } = await dispatchAgreed(orderId);

    const delivered = await confirmDelivery(orderId);
    expect(delivered).toEqual({ shipment: { ...shipment, status: 'DELIVERED', dispatchedAt: expect.any(String), deliveredAt: expect.any(String) }, errors: [] });
    // Confirmed again (the first answer lost on its way back): the same answer, delivered when it first was.
    expect(await confirmDelivery(orderId)).toEqual(delivered);

    const events = await publishedAbout(shipping, orderId);
    expect(events.map((event) => event.type)).toEqual(['shipping.dispatch-requested.v1', 'shipping.shipment-dispatched.v1', 'shipping.shipment-delivered.v1']);
    expect(events[2]!.payload).toEqual({ orderId, shipmentId: shipment.id });
  });

  it('answers SHIPMENT_NOT_FOUND for an order it has no shipment for, whatever the id looks like', async () => {
    for (const orderId of [anOrderId(), 'not-an-order-id', '']) {
      expect(await dispatch(orderId)).toEqual({ shipment: null, errors: [{ code: 'SHIPMENT_NOT_FOUND', field: 'orderId', message: expect.any(String) }] });
      expect((await confirmDelivery(orderId)).errors).toEqual([expect.objectContaining({ code: 'SHIPMENT_NOT_FOUND' })]);
    }
  });

  it('lets only admins dispatch and confirm deliveries', async () => {
    const orderId = await confirmedOrder(shipping, { customerId: customer.subject });
    for (const mutation of [DISPATCH, CONFIRM_DELIVERY]) {
      expect((await shipping.graphql(mutation, { orderId }, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await shipping.graphql(mutation, { orderId }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await shipping.db.shipment.findUnique({ where: { orderId } })).toMatchObject({ status: 'PENDING' });
    expect(await publishedAbout(shipping, orderId)).toEqual([]);
  });
});
