import { aProductId, startHarness } from './shipping-harness';
import { anOrderId, orderConfirmed } from './order-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const shipping = startedForThisFile(startHarness);

/** What preparing a shipment costs the database: the statements shipping's Prisma client sends (every one but BEGIN). */
describe('SQL statements per handled event', () => {
  it('order confirmed: 6 (inbox, order lock, the shipment with its lines, cancellation, the new shipment with its lines in one statement, COMMIT)', async () => {
    const orderId = anOrderId();

    shipping.server.sqlQueries.reset();
    expect(await shipping.consumer.handle(orderConfirmed(orderId, { lines: [{ productId: aProductId(), quantity: 2 }] }))).toBe('handled');
    expect(shipping.server.sqlQueries.count).toBe(6);

    expect(await shipping.db.shipment.count({ where: { orderId } })).toBe(1);
  });
});
