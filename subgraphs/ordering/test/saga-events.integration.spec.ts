import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@storefront/events';
import { OutboxRelay, RejectedEventError } from '@storefront/messaging';
import { OrderNotYetKnownError, SagaStepTooEarlyError } from '../src/domain/order.repository';
import { eventually } from '../../../test/support/event-bus';
import { aCustomer, startHarness } from './ordering-harness';
import { CANCEL_ORDER, aPlacedOrder } from './ordering-operations';
import * as saga from './saga-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

type Status = Parameters<typeof saga.eventsLeadingTo>[0];

/** A placed order of one product, its lines as the other contexts name them, taken to a status by the saga. */
async function anOrderIn(status: Status, customer = aCustomer()) {
  const orderId = await aPlacedOrder(ordering, customer);
  const { rows: lines } = await ordering.sql.query('SELECT product_id AS "productId", quantity FROM order_lines WHERE order_id = $1', [orderId]);
  for (const event of saga.eventsLeadingTo(status, orderId, lines)) await ordering.consumer.handle(event);
  return { orderId, lines, customer };
}

const inboxHolds = async (eventId: string) => (await ordering.sql.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).rowCount === 1;

const address = { name: 'Ada Lovelace', line1: '1 Analytical Way', line2: null, city: 'London', postalCode: 'N1 9GU', country: 'GB' };

interface Step {
  from: Status;
  news: (orderId: string, lines: saga.Line[]) => EventEnvelope;
  to: Status;
  /** What ordering tells the others, if anything: its event and its payload beyond orderId and customerId. */
  published: [type: string, payload: (lines: saga.Line[]) => object] | null;
}

const STEPS: [string, Step][] = [
  ['stock-reserved', { from: 'PLACED', news: saga.stockReserved, to: 'AWAITING_PAYMENT', published: null }],
  [
    'stock-reservation-failed',
    {
      from: 'PLACED',
      news: (id, lines) => saga.stockReservationFailed(id, lines[0]!.productId, 1, 0),
      to: 'REJECTED',
      published: ['ordering.order-rejected.v1', () => ({ reason: 'Not enough stock: Enamel mug: 1 ordered, 0 available.' })],
    },
  ],
  [
    'payment-authorized',
    {
      from: 'AWAITING_PAYMENT',
      news: (id) => saga.paymentAuthorized(id),
      to: 'CONFIRMED',
      published: ['ordering.order-confirmed.v1', (lines) => ({ lines, shippingAddress: address, total: { amount: 1299, currency: 'EUR' } })],
    },
  ],
  [
    'payment-failed',
    {
      from: 'AWAITING_PAYMENT',
      news: saga.paymentFailed,
      to: 'CANCELLED',
      published: ['ordering.order-cancelled.v1', () => ({ reason: 'PAYMENT_DECLINED', message: 'The payment was declined: The card was declined.' })],
    },
  ],
  [
    'shipment-dispatched',
    { from: 'CONFIRMED', news: saga.shipmentDispatched, to: 'SHIPPED', published: ['ordering.order-shipped.v1', () => ({ carrier: 'DHL', trackingNumber: 'JD014600006281' })] },
  ],
  ['shipment-delivered', { from: 'SHIPPED', news: saga.shipmentDelivered, to: 'DELIVERED', published: ['ordering.order-delivered.v1', () => ({})] }],
];

describe("ordering's handling of the saga's events", () => {
  it.each(STEPS)('%s moves the order on once, however often it arrives', async (_, { from, news, to, published }) => {
    const { orderId, lines, customer } = await anOrderIn(from);
    const before = (await ordering.outboxOf(orderId)).length;
    const announced = await ordering.announcementsOf(orderId);
    const event = news(orderId, lines);

    expect(await ordering.consumer.handle(event)).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe(to);
    // Every committed change is announced once, with the order's next version, for live views.
    const announcement = { status: to, version: announced.length };
    expect((await ordering.announcementsOf(orderId)).slice(announced.length)).toEqual([announcement]);
    const expected = published
      ? [{ type: published[0], aggregate_id: orderId, correlation_id: orderId, causation_id: event.id, payload: { orderId, customerId: customer.subject, ...published[1](lines) } }]
      : [];
    expect((await ordering.outboxOf(orderId)).slice(before)).toEqual(expected);

    // The same event again, and the same news under another event id: no second effect.
    expect(await ordering.consumer.handle(event)).toBe('duplicate');
    expect(await ordering.consumer.handle(news(orderId, lines))).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe(to);
    expect((await ordering.outboxOf(orderId)).slice(before)).toEqual(expected);
    expect((await ordering.announcementsOf(orderId)).slice(announced.length)).toEqual([announcement]);
  });

  it('confirms an order whose payment was authorized before its stock was reserved, and keeps it confirmed', async () => {
    const { orderId, lines } = await anOrderIn('PLACED');
    await ordering.consumer.handle(saga.paymentAuthorized(orderId));
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');

    expect(await ordering.consumer.handle(saga.stockReserved(orderId, lines))).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-confirmed.v1']);
  });

  it('ends confirmed, with one order-confirmed, when the reservation and the authorization are handled at once', async () => {
    const { orderId, lines } = await anOrderIn('PLACED');
    await Promise.all([ordering.consumer.handle(saga.stockReserved(orderId, lines)), ordering.consumer.handle(saga.paymentAuthorized(orderId))]);
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-confirmed.v1']);
  });

  it('leaves a cancelled order cancelled when a refusal of its stock arrives late', async () => {
    const { orderId, lines, customer } = await anOrderIn('PLACED');
    const { body } = await ordering.request(CANCEL_ORDER, { id: orderId }, customer);
    expect(body.data?.cancelOrder.order.status).toBe('CANCELLED');

    expect(await ordering.consumer.handle(saga.stockReservationFailed(orderId, lines[0]!.productId))).toBe('handled');
    expect(await ordering.consumer.handle(saga.paymentAuthorized(orderId))).toBe('handled');
    const { rows } = await ordering.sql.query('SELECT status, status_reason_code FROM orders WHERE id = $1', [orderId]);
    expect(rows).toEqual([{ status: 'CANCELLED', status_reason_code: 'CUSTOMER_CANCELLED' }]);
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-cancelled.v1']);
  });

  it('throws a retryable error, not a rejection, for news of an order it does not have, and records nothing', async () => {
    const news = saga.stockReserved(randomUUID(), [{ productId: randomUUID(), quantity: 1 }]);
    const handled = ordering.consumer.handle(news);
    await expect(handled).rejects.toBeInstanceOf(OrderNotYetKnownError);
    await expect(handled).rejects.not.toBeInstanceOf(RejectedEventError);
    expect(await inboxHolds(news.id)).toBe(false);
  });

  it('waits with a delivery until the dispatch has been handled, so order-shipped goes out first', async () => {
    const { orderId, lines } = await anOrderIn('CONFIRMED');
    const delivered = saga.shipmentDelivered(orderId);
    await expect(ordering.consumer.handle(delivered)).rejects.toBeInstanceOf(SagaStepTooEarlyError);
    expect(await inboxHolds(delivered.id)).toBe(false);
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');

    await ordering.consumer.handle(saga.shipmentDispatched(orderId, lines));
    expect(await ordering.consumer.handle(delivered)).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe('DELIVERED');
  });
});

describe('delivery through the queue', () => {
  let relay: OutboxRelay;

  beforeAll(() => {
    // Only its publishing is used: it routes events to the subscribers' queues under this run's prefix.
    relay = new OutboxRelay({ context: 'shipping', databaseUrl: 'postgresql://unused@127.0.0.1:1/unused', events: ordering.events });
  });

  afterAll(async () => {
    await relay?.stop();
  });

  it('delivers an order whose delivery overtook its dispatch on the queue, shipping it first', async () => {
    const { orderId, lines } = await anOrderIn('CONFIRMED');
    await relay.publish([saga.shipmentDelivered(orderId)]);
    await relay.publish([saga.shipmentDispatched(orderId, lines)]);

    await eventually(async () => ((await ordering.statusOf(orderId)) === 'DELIVERED' ? true : undefined), 'the order to be delivered');
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual([
      'ordering.order-placed.v2',
      'ordering.order-confirmed.v1',
      'ordering.order-shipped.v1',
      'ordering.order-delivered.v1',
    ]);
  });
});
