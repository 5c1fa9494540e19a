import { DISPATCH, ORDER_SHIPMENT, anOrderId, asOrders, orderCancelled, orderConfirmed, orderReleasedForDispatch, publishedAbout } from './order-events';
import { aProductId, admin, startHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const shipping = startedForThisFile(startHarness);

const shipmentsOf = (orderId: string) => shipping.db.shipment.findMany({ where: { orderId }, include: { lines: { select: { productId: true, quantity: true } } } });

async function shipmentSeenByAdmin(orderId: string) {
  const { data } = await shipping.graphql(ORDER_SHIPMENT, asOrders([orderId]), admin);
  return data!._entities[0].shipment;
}

describe("shipping's handling of ordering's events", () => {
  it('prepares a pending shipment for a confirmed order, to its address, with its lines', async () => {
    const orderId = anOrderId();
    const lines = [{ productId: aProductId(), quantity: 2 }, { productId: aProductId(), quantity: 1 }];

    expect(await shipping.consumer.handle(orderConfirmed(orderId, { customerId: 'customer-7', lines, country: 'FR' }))).toBe('handled');

    const [shipment, ...others] = await shipmentsOf(orderId);
    expect(others).toEqual([]);
    expect(shipment).toMatchObject({ customerId: 'customer-7', status: 'PENDING', recipientName: 'Ada Lovelace', country: 'FR', carrier: null, trackingNumber: null });
    expect(shipment!.lines).toEqual(expect.arrayContaining(lines));
    expect(await shipmentSeenByAdmin(orderId)).toEqual({ id: shipment!.id, status: 'PENDING', carrier: null, trackingNumber: null, dispatchedAt: null, deliveredAt: null });
    expect(await publishedAbout(shipping, orderId)).toEqual([]);
  });

  it('prepares one shipment when the confirmation arrives twice, under its own id or another', async () => {
    const orderId = anOrderId();
    const confirmed = orderConfirmed(orderId);

    expect(await shipping.consumer.handle(confirmed)).toBe('handled');
    expect(await shipping.consumer.handle(confirmed)).toBe('duplicate');
    expect(await shipping.consumer.handle(orderConfirmed(orderId))).toBe('handled');
    await Promise.all([shipping.consumer.handle(orderConfirmed(orderId)), shipping.consumer.handle(orderConfirmed(orderId))]);

    expect(await shipmentsOf(orderId)).toHaveLength(1);
  });

  it('cancels a pending shipment when its order is cancelled, after which it cannot be dispatched', async () => {
    const orderId = anOrderId();
    await shipping.consumer.handle(orderConfirmed(orderId));
    const cancelled = orderCancelled(orderId);

    expect(await shipping.consumer.handle(cancelled)).toBe('handled');
    expect(await shipping.consumer.handle(cancelled)).toBe('duplicate');
    expect(await shipping.consumer.handle(orderCancelled(orderId))).toBe('handled');

    expect(await shipmentsOf(orderId)).toEqual([expect.objectContaining({ status: 'CANCELLED', cancelledAt: expect.any(Date) })]);
    const { data } = await shipping.graphql(DISPATCH, { orderId }, admin);
    expect(data!.dispatchShipment).toEqual({ shipment: null, errors: [{ code: 'NOT_DISPATCHABLE', field: 'orderId', message: expect.stringContaining('CANCELLED') }] });
    expect(await publishedAbout(shipping, orderId)).toEqual([]);
  });

  it('makes no shipment for an order whose cancellation arrived before its confirmation', async () => {
    const orderId = anOrderId();

    expect(await shipping.consumer.handle(orderCancelled(orderId))).toBe('handled');
    expect(await shipping.consumer.handle(orderCancelled(orderId))).toBe('handled');
    expect(await shipping.consumer.handle(orderConfirmed(orderId))).toBe('handled');

    expect(await shipmentsOf(orderId)).toEqual([]);
    expect(await shipping.db.cancelledOrder.count({ where: { orderId } })).toBe(1);
    expect(await shipmentSeenByAdmin(orderId)).toBeNull();
  });

  it('cancels a shipment waiting for ordering to agree to its dispatch when the order was cancelled first', async () => {
    const orderId = anOrderId();
    await shipping.consumer.handle(orderConfirmed(orderId));
    expect((await shipping.graphql(DISPATCH, { orderId }, admin)).data!.dispatchShipment.shipment.status).toBe('DISPATCH_REQUESTED');

    expect(await shipping.consumer.handle(orderCancelled(orderId))).toBe('handled');

    expect(await shipmentSeenByAdmin(orderId)).toMatchObject({ status: 'CANCELLED', dispatchedAt: null });
    expect((await publishedAbout(shipping, orderId)).map((event) => event.type)).toEqual(['shipping.dispatch-requested.v1']);
  });

  it('never moves a dispatched shipment back when a cancellation arrives late', async () => {
    const orderId = anOrderId();
    await shipping.consumer.handle(orderConfirmed(orderId));
    expect((await shipping.graphql(DISPATCH, { orderId }, admin)).data!.dispatchShipment.errors).toEqual([]);
    await shipping.consumer.handle(orderReleasedForDispatch(orderId));

    expect(await shipping.consumer.handle(orderCancelled(orderId))).toBe('handled');

    expect((await shipmentSeenByAdmin(orderId)).status).toBe('DISPATCHED');
  });

  it('ends with no shipment that can leave when an order is confirmed and cancelled at the same moment', async () => {
    const orders = Array.from({ length: 5 }, anOrderId);

    await Promise.all(orders.flatMap((orderId) => [shipping.consumer.handle(orderConfirmed(orderId)), shipping.consumer.handle(orderCancelled(orderId))]));

    const shipments = await shipping.db.shipment.findMany({ where: { orderId: { in: orders } } });
    expect(shipments.every((shipment) => shipment.status === 'CANCELLED')).toBe(true);
    expect(shipments.length + (await shipping.db.cancelledOrder.count({ where: { orderId: { in: orders } } }))).toBe(5);
  });
});
