import { paymentOf, startHarness } from './payments-harness';
import { anOrderId, orderPlaced, stockReserved } from './saga-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const payments = startedForThisFile(startHarness);

/**
 * What payments' two saga steps cost its database: the statements its Prisma client sends (every
 * one but BEGIN). The built-in test provider keeps its books on a client of its own, as a real
 * provider would be elsewhere, so they are not counted here.
 */
describe('SQL statements per handled event', () => {
  it('order placed: 3 (inbox, the payment, COMMIT); stock reserved: 5 (inbox, the payment locked and read in one, the payment, outbox, COMMIT)', async () => {
    const orderId = anOrderId();

    payments.server.sqlQueries.reset();
    expect(await payments.consumer.handle(orderPlaced(orderId))).toBe('handled');
    expect(payments.server.sqlQueries.count).toBe(3);

    payments.server.sqlQueries.reset();
    expect(await payments.consumer.handle(stockReserved(orderId))).toBe('handled');
    expect(payments.server.sqlQueries.count).toBe(5);

    expect((await paymentOf(payments.db, orderId))?.status).toBe('AUTHORIZED');
  });
});
