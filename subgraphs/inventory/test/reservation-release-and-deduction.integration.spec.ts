import { RejectedEventError } from '@storefront/messaging';
import { ReservationNotYetMadeError } from '../src/application/deduct-shipped-stock/deduct-shipped-stock.use-case';
import { startHarness } from './inventory-harness';
import { anOrderId, orderCancelled, orderPlaced, orderRejected, shipmentDispatched, type Line } from './order-events';
import { reservationProbes } from './reservation-probes';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const inventory = startedForThisFile(startHarness);
const probe = reservationProbes(inventory);

/** A product with 3 units in eu-central and 2 in us-east, and an order that reserved 4 of them. */
async function reservedOrder(): Promise<{ orderId: string; productId: string; lines: Line[] }> {
  const productId = await inventory.stockedProduct({ 'eu-central': 3, 'us-east': 2 });
  const orderId = anOrderId();
  const lines = [{ productId, quantity: 4 }];
  await inventory.consumer.handle(orderPlaced(orderId, lines));
  expect(await probe.levelsOf(productId)).toEqual(['eu-central 3/3', 'us-east 2/1']);
  return { orderId, productId, lines };
}

describe("inventory's release and deduction of reservations", () => {
  it('releases a cancelled order once, whether the cancellation comes again under its id or another', async () => {
    const { orderId, productId, lines } = await reservedOrder();
    const cancelled = orderCancelled(orderId, 'PAYMENT_DECLINED');

    expect(await inventory.consumer.handle(cancelled)).toBe('handled');
    expect(await inventory.consumer.handle(cancelled)).toBe('duplicate');
    expect(await inventory.consumer.handle(orderCancelled(orderId))).toBe('handled');

    expect(await probe.levelsOf(productId)).toEqual(['eu-central 3/0', 'us-east 2/0']);
    expect((await probe.reservationOf(orderId))?.status).toBe('RELEASED');
    expect(await probe.movementsOf(productId)).toEqual([]);
    // The order placed again (a late duplicate) does not reserve the units anew.
    expect(await inventory.consumer.handle(orderPlaced(orderId, lines))).toBe('handled');
    expect(await probe.levelsOf(productId)).toEqual(['eu-central 3/0', 'us-east 2/0']);
    expect(await probe.outboxOf(orderId)).toHaveLength(1);
  });

  it('releases an order rejected after its reservation (a promotion it used was refused) once', async () => {
    const { orderId, productId } = await reservedOrder();
    const rejected = orderRejected(orderId);

    expect(await inventory.consumer.handle(rejected)).toBe('handled');
    expect(await inventory.consumer.handle(rejected)).toBe('duplicate');
    expect(await inventory.consumer.handle(orderRejected(orderId))).toBe('handled');

    expect(await probe.levelsOf(productId)).toEqual(['eu-central 3/0', 'us-east 2/0']);
    expect((await probe.reservationOf(orderId))?.status).toBe('RELEASED');
  });

  it('deducts a shipped order once, from the warehouses it was reserved in, with the movements on record', async () => {
    const { orderId, productId, lines } = await reservedOrder();
    const dispatched = shipmentDispatched(orderId, lines);

    expect(await inventory.consumer.handle(dispatched)).toBe('handled');
    expect(await inventory.consumer.handle(dispatched)).toBe('duplicate');
    expect(await inventory.consumer.handle(shipmentDispatched(orderId, lines))).toBe('handled');

    expect(await probe.levelsOf(productId)).toEqual(['eu-central 0/0', 'us-east 1/0']);
    expect((await probe.reservationOf(orderId))?.status).toBe('DEDUCTED');
    expect(await probe.movementsOf(productId)).toEqual([
      { warehouseId: 'eu-central', kind: 'DEDUCTED', quantity: -3, reason: `shipped with order ${orderId}` },
      { warehouseId: 'us-east', kind: 'DEDUCTED', quantity: -1, reason: `shipped with order ${orderId}` },
    ]);
    // A cancellation arriving after the shipment moves nothing back.
    expect(await inventory.consumer.handle(orderCancelled(orderId))).toBe('handled');
    expect(await probe.levelsOf(productId)).toEqual(['eu-central 0/0', 'us-east 1/0']);
    expect((await probe.reservationOf(orderId))?.status).toBe('DEDUCTED');
  });

  it('retries a shipment heard of before its reservation, without recording it as handled', async () => {
    const productId = await inventory.stockedProduct({ 'eu-central': 3 });
    const orderId = anOrderId();
    const early = shipmentDispatched(orderId, [{ productId, quantity: 1 }]);

    await expect(inventory.consumer.handle(early)).rejects.toBeInstanceOf(ReservationNotYetMadeError);
    expect((await inventory.sql.query('SELECT 1 FROM inbox WHERE event_id = $1', [early.id])).rowCount).toBe(0);

    await inventory.consumer.handle(orderPlaced(orderId, [{ productId, quantity: 1 }]));
    expect(await inventory.consumer.handle(early)).toBe('handled');
    expect(await probe.levelsOf(productId)).toEqual(['eu-central 2/0']);
  });

  it('sends a shipment of an order whose units were released to the failed set, changing nothing', async () => {
    const { orderId, productId, lines } = await reservedOrder();
    await inventory.consumer.handle(orderCancelled(orderId));

    await expect(inventory.consumer.handle(shipmentDispatched(orderId, lines))).rejects.toBeInstanceOf(RejectedEventError);

    expect(await probe.levelsOf(productId)).toEqual(['eu-central 3/0', 'us-east 2/0']);
    expect((await probe.reservationOf(orderId))?.status).toBe('RELEASED');
  });

  it('releases orders cancelled at once without losing a unit', async () => {
    const productId = await inventory.stockedProduct({ 'eu-central': 6 });
    const orders = Array.from({ length: 6 }, anOrderId);
    for (const orderId of orders) await inventory.consumer.handle(orderPlaced(orderId, [{ productId, quantity: 1 }]));
    expect(await probe.levelsOf(productId)).toEqual(['eu-central 6/6']);

    await Promise.all(orders.flatMap((orderId) => [inventory.consumer.handle(orderCancelled(orderId)), inventory.consumer.handle(orderCancelled(orderId))]));

    expect(await probe.levelsOf(productId)).toEqual(['eu-central 6/0']);
  });

  it('ends with nothing reserved when an order and its cancellation are handled at the same moment', async () => {
    const productId = await inventory.stockedProduct({ 'eu-central': 4 });
    const orders = Array.from({ length: 5 }, anOrderId);

    await Promise.all(orders.flatMap((orderId) => [inventory.consumer.handle(orderPlaced(orderId, [{ productId, quantity: 1 }])), inventory.consumer.handle(orderCancelled(orderId))]));

    expect(await probe.levelsOf(productId)).toEqual(['eu-central 4/0']);
    for (const orderId of orders) expect(['RELEASED', 'CANCELLED', 'REFUSED']).toContain((await probe.reservationOf(orderId))?.status);
  });
});
