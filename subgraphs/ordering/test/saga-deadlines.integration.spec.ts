import { randomUUID } from 'node:crypto';
import { systemEnvironment } from '@storefront/platform';
import { ExpireOverdueOrders } from '../src/application/expire-overdue-orders/expire-overdue-orders.use-case';
import { expiryTransactions } from '../src/infrastructure/prisma-overdue-orders';
import { eventually } from '../../../test/support/event-bus';
import { startedForThisFile } from '../../../test/support/subgraph-harness';
import { aCheckoutInput, addToCart, aShippingQuote, checkout, germanTax, promotionActivated, send, APPLY_COUPON } from './checkout-operations';
import { aCustomer, startHarness } from './ordering-harness';
import { aPlacedOrder } from './ordering-operations';
import { paymentAuthorized, stockReserved } from './saga-events';

// The running subgraph's own sweeper gives up on payment and promotions after a second; an order
// only placed waits an hour there, so the tests below move it on without racing its deadline.
const SHORT = 1_000;
const ordering = startedForThisFile(
  () => startHarness({ sagaDeadlines: { PLACED: 3_600_000, AWAITING_PAYMENT: SHORT, AWAITING_PROMOTIONS: SHORT }, deadlineSweepMs: 50 }),
  germanTax,
);

const orderRow = async (orderId: string) =>
  (await ordering.sql.query('SELECT status, status_reason_code AS code, status_reason_message AS message FROM orders WHERE id = $1', [orderId])).rows[0];
const published = async (orderId: string) => (await ordering.outboxOf(orderId)).map((row) => row.type);
const cancelledBySweeper = (orderId: string) =>
  eventually(async () => ((await ordering.statusOf(orderId)) === 'CANCELLED' ? orderRow(orderId) : undefined), `order ${orderId} to be cancelled`);

describe('saga deadlines', () => {
  it('tell the customer how long an order may still wait, and nothing once it waits on nobody', async () => {
    const customer = aCustomer();
    const orderId = await aPlacedOrder(ordering, customer);
    const query = 'query ($id: ID!) { order(id: $id) { status placedAt waitingUntil } }';
    const { order } = (await ordering.request(query, { id: orderId }, customer)).body.data!;
    expect(order.status).toBe('PLACED');
    expect(new Date(order.waitingUntil).getTime() - new Date(order.placedAt).getTime()).toBe(3_600_000);

    const { rows: lines } = await ordering.sql.query('SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1', [orderId]);
    await ordering.consumer.handle(paymentAuthorized(orderId));
    await ordering.consumer.handle(stockReserved(orderId, lines));
    expect((await ordering.request(query, { id: orderId }, customer)).body.data!.order).toMatchObject({ status: 'CONFIRMED', waitingUntil: null });
  });

  it('cancel an order whose payment is not authorized in time, once, telling the others why; a late authorization changes nothing', async () => {
    const customer = aCustomer();
    const orderId = await aPlacedOrder(ordering, customer);
    const { rows: lines } = await ordering.sql.query('SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1', [orderId]);
    await ordering.consumer.handle(stockReserved(orderId, lines));

    expect(await cancelledBySweeper(orderId)).toEqual({ status: 'CANCELLED', code: 'PAYMENT_TIMED_OUT', message: 'The payment could not be authorized within 1 second.' });
    const events = await ordering.outboxOf(orderId);
    expect(events.map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-cancelled.v1']);
    expect(events[1]!.payload).toEqual({ orderId, customerId: customer.subject, reason: 'PAYMENT_TIMED_OUT', message: 'The payment could not be authorized within 1 second.' });

    // The provider answers after all: ordering stays cancelled; payments voids on the cancellation.
    expect(await ordering.consumer.handle(paymentAuthorized(orderId))).toBe('handled');
    expect(await orderRow(orderId)).toMatchObject({ status: 'CANCELLED', code: 'PAYMENT_TIMED_OUT' });
    expect(await published(orderId)).toHaveLength(2);
  });

  it('cancel an order whose promotions are not redeemed in time, after its payment was authorized', async () => {
    const customer = aCustomer();
    const [mug] = await ordering.priceProducts({});
    const code = `LATE${randomUUID().slice(0, 6).toUpperCase()}`;
    await ordering.consumer.handle(promotionActivated({ code, productIds: [mug!] }));
    await addToCart(ordering, customer, mug!, 1);
    await send(ordering, APPLY_COUPON, { code }, customer);
    const lines = [{ productId: mug!, quantity: 1 }];
    const placed = await checkout(ordering, customer, aCheckoutInput(aShippingQuote(lines), 1985));
    const orderId = placed.order.id as string;
    // Payment authorized while still placed: the order then waits for its promotions alone.
    await ordering.consumer.handle(paymentAuthorized(orderId, 1985));
    await ordering.consumer.handle(stockReserved(orderId, lines));

    expect(await cancelledBySweeper(orderId)).toEqual({
      status: 'CANCELLED',
      code: 'PROMOTIONS_TIMED_OUT',
      message: 'The promotions it applied could not be confirmed within 1 second.',
    });
    expect(await published(orderId)).toEqual(['ordering.order-placed.v2', 'ordering.order-cancelled.v1']);
  });

  it('race the payment’s authorization: every order ends confirmed or cancelled, and says only that', async () => {
    const orders: { orderId: string; lines: { productId: string; quantity: number }[] }[] = [];
    for (let i = 0; i < 16; i += 1) {
      const orderId = await aPlacedOrder(ordering, aCustomer());
      const { rows: lines } = await ordering.sql.query('SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1', [orderId]);
      orders.push({ orderId, lines });
    }
    await Promise.all(orders.map(({ orderId, lines }) => ordering.consumer.handle(stockReserved(orderId, lines))));
    // Sweepers that find every order awaiting payment overdue, racing the provider's answers.
    const sweeper = () => new ExpireOverdueOrders(expiryTransactions(ordering.db, systemEnvironment), { PLACED: 3_600_000, AWAITING_PAYMENT: 1, AWAITING_PROMOTIONS: SHORT }, systemEnvironment);
    await Promise.all([
      ...orders.map(({ orderId }) => ordering.consumer.handle(paymentAuthorized(orderId))),
      ...Array.from({ length: 4 }, () => sweeper().execute()),
    ]);

    for (const { orderId } of orders) {
      const { status } = await orderRow(orderId);
      const said = (await published(orderId)).slice(1);
      expect([status, said]).toEqual(status === 'CONFIRMED' ? ['CONFIRMED', ['ordering.order-confirmed.v1']] : ['CANCELLED', ['ordering.order-cancelled.v1']]);
    }
  });

  it('are swept by any number of ordering processes at once, and each overdue order is cancelled exactly once', async () => {
    const orders: string[] = [];
    for (let i = 0; i < 24; i += 1) orders.push(await aPlacedOrder(ordering, aCustomer()));
    // Eight more processes whose deadline for a placed order is a millisecond, racing each other
    // (and the subgraph's own sweeper) over the same rows until none is left.
    const sweepers = Array.from(
      { length: 8 },
      () => new ExpireOverdueOrders(expiryTransactions(ordering.db, systemEnvironment), { PLACED: 1, AWAITING_PAYMENT: SHORT, AWAITING_PROMOTIONS: SHORT }, systemEnvironment),
    );
    const counts = await Promise.all(sweepers.map((sweeper) => sweeper.execute()));

    for (const orderId of orders) {
      expect(await orderRow(orderId)).toMatchObject({ status: 'CANCELLED', code: 'STOCK_TIMED_OUT' });
      expect(await published(orderId)).toEqual(['ordering.order-placed.v2', 'ordering.order-cancelled.v1']);
    }
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(orders.length);
  });
});
