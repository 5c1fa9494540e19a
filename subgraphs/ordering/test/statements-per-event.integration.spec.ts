import { aCustomer, startHarness } from './ordering-harness';
import { aPlacedOrder } from './ordering-operations';
import * as saga from './saga-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

// No deadline sweep during the file: its statements would be counted with the event's.
const ordering = startedForThisFile(() => startHarness({ deadlineSweepMs: 3_600_000 }));

/**
 * What one saga step costs ordering's database, counted as the statements its Prisma client sends
 * (every one but BEGIN): inbox, the order locked and read with its lines and promotions in one
 * statement, its new status, its events in the outbox, COMMIT. Two of these are on every order's way to
 * CONFIRMED, so one statement more here is two more per order.
 */
describe('SQL statements per saga step', () => {
  it('stock reserved, then payment authorized: 5 each', async () => {
    const orderId = await aPlacedOrder(ordering, aCustomer());
    const { rows: lines } = await ordering.sql.query('SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1', [orderId]);

    ordering.sqlQueries.reset();
    expect(await ordering.consumer.handle(saga.stockReserved(orderId, lines))).toBe('handled');
    expect(ordering.sqlQueries.count).toBe(5);

    ordering.sqlQueries.reset();
    expect(await ordering.consumer.handle(saga.paymentAuthorized(orderId))).toBe('handled');
    expect(ordering.sqlQueries.count).toBe(5);

    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
  });
});
