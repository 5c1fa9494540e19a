import { randomUUID } from 'node:crypto';
import { aCustomer, admin, startHarness, type OrderingHarness } from './ordering-harness';
import { CANCEL_ORDER, aPlacedOrder } from './ordering-operations';
import { dispatchRequested, eventsLeadingTo } from './saga-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

/** An order of the customer's, taken to a status by the saga's events. */
async function anOrderIn(status: Parameters<typeof eventsLeadingTo>[0], customer = aCustomer()): Promise<string> {
  const orderId = await aPlacedOrder(ordering, customer);
  const { rows } = await ordering.sql.query('SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1', [orderId]);
  for (const event of eventsLeadingTo(status, orderId, rows)) await ordering.consumer.handle(event);
  expect(await ordering.statusOf(orderId)).toBe(status);
  return orderId;
}

const cancel = async (id: string, caller: Parameters<OrderingHarness['request']>[2]) => (await ordering.request(CANCEL_ORDER, { id }, caller)).body;

describe('cancelOrder', () => {
  it.each(['PLACED', 'AWAITING_PAYMENT', 'CONFIRMED'] as const)('cancels a %s order of the caller’s and tells the others in order-cancelled', async (status) => {
    const customer = aCustomer();
    const orderId = await anOrderIn(status, customer);
    const before = (await ordering.outboxOf(orderId)).length;

    const reason = { code: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' };
    expect(await cancel(orderId, customer)).toEqual({ data: { cancelOrder: { order: { id: orderId, status: 'CANCELLED', statusReason: reason }, errors: [] } } });
    const outbox = await ordering.outboxOf(orderId);
    expect(outbox.slice(before).map((row) => row.type)).toEqual(['ordering.order-cancelled.v1']);
    expect(outbox[before]).toMatchObject({
      correlation_id: orderId,
      causation_id: null,
      payload: { orderId, customerId: customer.subject, reason: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' },
    });
  });

  it('answers a cancellation sent again later (its first answer lost) as the first, telling nobody twice', async () => {
    const customer = aCustomer();
    const orderId = await anOrderIn('CONFIRMED', customer);
    const first = await cancel(orderId, customer);
    const outbox = await ordering.outboxOf(orderId);
    expect(await cancel(orderId, customer)).toEqual(first);
    expect(await ordering.outboxOf(orderId)).toEqual(outbox);
  });

  it.each(['SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'] as const)('refuses to cancel a %s order with NOT_CANCELLABLE and changes nothing (one cancelled by the saga included)', async (status) => {
    const customer = aCustomer();
    const orderId = await anOrderIn(status, customer);
    const before = await ordering.outboxOf(orderId);

    expect(await cancel(orderId, customer)).toEqual({
      data: { cancelOrder: { order: null, errors: [{ code: 'NOT_CANCELLABLE', field: null, message: expect.any(String) }] } },
    });
    expect(await ordering.statusOf(orderId)).toBe(status);
    expect(await ordering.outboxOf(orderId)).toEqual(before);
  });

  it('agrees to a confirmed order’s dispatch once, after which the customer can no longer cancel it', async () => {
    const customer = aCustomer();
    const orderId = await anOrderIn('CONFIRMED', customer);
    const request = dispatchRequested(orderId);
    expect(await ordering.consumer.handle(request)).toBe('handled');
    expect(await ordering.consumer.handle(dispatchRequested(orderId))).toBe('handled');
    const released = (await ordering.outboxOf(orderId)).filter((row) => row.type === 'ordering.order-released-for-dispatch.v1');
    expect(released).toEqual([expect.objectContaining({ causation_id: request.id, payload: { orderId, customerId: customer.subject } })]);

    expect(await cancel(orderId, customer)).toEqual({
      data: { cancelOrder: { order: null, errors: [{ code: 'NOT_CANCELLABLE', field: null, message: 'The order is being dispatched and can no longer be cancelled.' }] } },
    });
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
  });

  it('does not agree to the dispatch of an order the customer cancelled first: its cancellation tells shipping instead', async () => {
    const customer = aCustomer();
    const orderId = await anOrderIn('CONFIRMED', customer);
    expect((await cancel(orderId, customer)).data!.cancelOrder.errors).toEqual([]);
    expect(await ordering.consumer.handle(dispatchRequested(orderId))).toBe('handled');
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-confirmed.v1', 'ordering.order-cancelled.v1']);
  });

  it('answers ORDER_NOT_FOUND for another customer’s order (admins included) and for ids that name no order', async () => {
    const owner = aCustomer();
    const orderId = await aPlacedOrder(ordering, owner);
    for (const [id, caller] of [[orderId, aCustomer()], [orderId, admin], [randomUUID(), owner], ['not-an-id', owner]] as const) {
      expect(await cancel(id, caller)).toEqual({
        data: { cancelOrder: { order: null, errors: [{ code: 'ORDER_NOT_FOUND', field: 'id', message: expect.any(String) }] } },
      });
    }
    expect(await ordering.statusOf(orderId)).toBe('PLACED');
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const orderId = await aPlacedOrder(ordering, aCustomer());
    const body = await cancel(orderId, null);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await ordering.statusOf(orderId)).toBe('PLACED');
  });

  it('cancels once when the customer sends it twice at the same moment, and answers both alike', async () => {
    const customer = aCustomer();
    const orderId = await aPlacedOrder(ordering, customer);
    const answers = await Promise.all([cancel(orderId, customer), cancel(orderId, customer)]);
    const reason = { code: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' };
    expect(answers).toEqual([0, 1].map(() => ({ data: { cancelOrder: { order: { id: orderId, status: 'CANCELLED', statusReason: reason }, errors: [] } } })));
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-cancelled.v1']);
  });
});
