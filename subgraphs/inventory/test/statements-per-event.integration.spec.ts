import { startHarness } from './inventory-harness';
import { anOrderId, orderCancelled, orderPlaced } from './order-events';
import { reservationProbes } from './reservation-probes';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const inventory = startedForThisFile(startHarness);
const probe = reservationProbes(inventory);

/**
 * What one handled event costs the database, counted as the statements inventory's Prisma client
 * sends (every one but BEGIN, which the transaction opens with). Each is a round trip and a pass
 * through the client, so a change that adds one shows here before it shows in `pnpm bench:saga`.
 */
describe('SQL statements per handled event', () => {
  it('an order placed and reserved: 9 (inbox, order lock, reservation, stock locked and read in one, known products, stock, reservation with its lines, outbox, COMMIT)', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 2, 'us-east': 5 });
    const pot = await inventory.stockedProduct({ 'eu-central': 3 });
    const orderId = anOrderId();

    inventory.sqlQueries.reset();
    expect(await inventory.consumer.handle(orderPlaced(orderId, [{ productId: mug, quantity: 6 }, { productId: pot, quantity: 1 }]))).toBe('handled');
    expect(inventory.sqlQueries.count).toBe(9);

    expect((await probe.reservationOf(orderId))?.lines).toHaveLength(3);
  });

  it('an order cancelled after its reservation: 7 (inbox, order lock, reservation with its lines, stock locked and read in one, stock, reservation status, COMMIT)', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 4 });
    const orderId = anOrderId();
    await inventory.consumer.handle(orderPlaced(orderId, [{ productId: mug, quantity: 1 }]));

    inventory.sqlQueries.reset();
    expect(await inventory.consumer.handle(orderCancelled(orderId))).toBe('handled');
    expect(inventory.sqlQueries.count).toBe(7);

    expect((await probe.reservationOf(orderId))?.status).toBe('RELEASED');
  });

  it('a delivery already in the inbox: 2 (inbox, COMMIT)', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 4 });
    const placed = orderPlaced(anOrderId(), [{ productId: mug, quantity: 1 }]);
    await inventory.consumer.handle(placed);

    inventory.sqlQueries.reset();
    expect(await inventory.consumer.handle(placed)).toBe('duplicate');
    expect(inventory.sqlQueries.count).toBe(2);
  });
});
