import { startHarness } from './notifications-harness';
import { anOrder, orderConfirmed, orderPlaced } from './ordering-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const notifications = startedForThisFile(startHarness);

/** What telling a customer costs the database: the statements notifications' Prisma client sends (every one but BEGIN). */
describe('SQL statements per handled event', () => {
  it('order placed: 4 (inbox, the recipient learned, the notification, COMMIT); the recipient it just stored is not read back', async () => {
    notifications.server.sqlQueries.reset();
    expect(await notifications.consumer.handle(orderPlaced(anOrder()))).toBe('handled');
    expect(notifications.server.sqlQueries.count).toBe(4);
  });

  it('order confirmed: 4 (inbox, the recipient, the notification, COMMIT)', async () => {
    const order = anOrder();
    await notifications.consumer.handle(orderPlaced(order));

    notifications.server.sqlQueries.reset();
    expect(await notifications.consumer.handle(orderConfirmed(order))).toBe('handled');
    expect(notifications.server.sqlQueries.count).toBe(4);

    const told = await notifications.db.notification.findMany({ where: { orderId: order.orderId }, select: { kind: true, address: true }, orderBy: { createdAt: 'asc' } });
    expect(told).toEqual([
      { kind: 'ORDER_RECEIVED', address: 'ada@example.com' },
      { kind: 'ORDER_CONFIRMED', address: 'ada@example.com' },
    ]);
  });
});
