import { anOrderId, orderPlaced, stockReserved } from './saga-events';
import { ORDER_PAYMENTS, admin, alice, bob, orderRefs, paymentOf, startHarness } from './payments-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const payments = startedForThisFile(startHarness);

async function placedBy(customerId: string, paymentToken = 'tok_visa'): Promise<string> {
  const orderId = anOrderId();
  await payments.consumer.handle(orderPlaced(orderId, { customerId, paymentToken, total: { amount: 1999, currency: 'EUR' } }));
  return orderId;
}

async function paymentAs(orderId: string, identity: typeof alice | null) {
  const { data, errors } = await payments.graphql(ORDER_PAYMENTS, orderRefs([orderId]), identity);
  expect(errors).toBeUndefined();
  return data!._entities[0].payment;
}

describe('Order.payment', () => {
  it('shows the payment to the order’s customer and to admins', async () => {
    const orderId = await placedBy('alice');
    const paymentId = (await paymentOf(payments.db, orderId))!.id;
    const pending = {
      id: paymentId,
      status: 'PENDING',
      amount: { amount: 1999, currency: 'EUR', formatted: '€19.99' },
      captured: null,
      refunded: null,
      failureReason: null,
    };
    expect(await paymentAs(orderId, alice)).toEqual(pending);
    expect(await paymentAs(orderId, admin)).toEqual(pending);
  });

  it('is null for another customer and for anonymous callers, exactly as for an order with no payment', async () => {
    const orderId = await placedBy('alice');
    expect(await paymentAs(orderId, bob)).toBeNull();
    expect(await paymentAs(orderId, null)).toBeNull();
    expect(await paymentAs(anOrderId(), alice)).toBeNull();
    expect(await paymentAs('not-an-order-id', admin)).toBeNull();
  });

  it('tells the customer why the card was declined', async () => {
    const orderId = await placedBy('alice', 'tok_chargeDeclined');
    await payments.consumer.handle(stockReserved(orderId));
    expect(await paymentAs(orderId, alice)).toMatchObject({ status: 'DECLINED', failureReason: 'The card was declined.', captured: null });
  });

  it('resolves the payments of 100 orders with one SQL query, each shown only to whom it may be', async () => {
    const mine = await Promise.all(Array.from({ length: 40 }, () => placedBy('alice')));
    const others = await Promise.all(Array.from({ length: 40 }, () => placedBy('bob')));
    const unknown = Array.from({ length: 20 }, anOrderId);
    const ids = [...mine, ...others, ...unknown];

    payments.server.sqlQueries.reset();
    const { data, errors } = await payments.graphql(ORDER_PAYMENTS, orderRefs(ids), alice);
    expect(payments.server.sqlQueries.count).toBe(1);
    expect(errors).toBeUndefined();
    const shown = data!._entities.map((order: { id: string; payment: { status: string } | null }) => [order.id, order.payment?.status ?? null]);
    expect(shown).toEqual([...mine.map((id) => [id, 'PENDING']), ...others.map((id) => [id, null]), ...unknown.map((id) => [id, null])]);

    payments.server.sqlQueries.reset();
    const asAdmin = await payments.graphql(ORDER_PAYMENTS, orderRefs(ids), admin);
    expect(payments.server.sqlQueries.count).toBe(1);
    expect(asAdmin.data!._entities.filter((order: { payment: unknown }) => order.payment !== null)).toHaveLength(80);
  });
});
