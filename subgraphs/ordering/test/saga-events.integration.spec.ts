import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@storefront/events';
import { OutboxRelay, RejectedEventError } from '@storefront/messaging';
import { OrderNotYetKnownError, SagaStepTooEarlyError } from '../src/domain/order.repository';
import { eventually } from '../../../test/support/event-bus';
import { aCustomer, startHarness, type OrderingHarness } from './ordering-harness';
import { CANCEL_ORDER, aPlacedOrder } from './ordering-operations';
import * as saga from './saga-events';

let ordering: OrderingHarness;

beforeAll(async () => {
  ordering = await startHarness();
}, 60_000);

afterAll(async () => {
  await ordering?.stop();
});

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

const STEPS: [string, Status, (orderId: string, lines: saga.Line[]) => EventEnvelope, Status, string | null, (orderId: string, lines: saga.Line[]) => object][] = [
  ['stock-reserved', 'PLACED', saga.stockReserved, 'AWAITING_PAYMENT', null, () => ({})],
  ['stock-reservation-failed', 'PLACED', (id, lines) => saga.stockReservationFailed(id, lines[0]!.productId, 1, 0), 'REJECTED', 'ordering.order-rejected.v1', () => ({
    reason: 'Not enough stock: Enamel mug: 1 ordered, 0 available.',
  })],
  ['payment-authorized', 'AWAITING_PAYMENT', (id) => saga.paymentAuthorized(id), 'CONFIRMED', 'ordering.order-confirmed.v1', (_, lines) => ({
    lines,
    shippingAddress: address,
    total: { amount: 1299, currency: 'EUR' },
  })],
  ['payment-failed', 'AWAITING_PAYMENT', saga.paymentFailed, 'CANCELLED', 'ordering.order-cancelled.v1', () => ({
    reason: 'PAYMENT_DECLINED',
    message: 'The payment was declined: The card was declined.',
  })],
  ['shipment-dispatched', 'CONFIRMED', saga.shipmentDispatched, 'SHIPPED', 'ordering.order-shipped.v1', () => ({ carrier: 'DHL', trackingNumber: 'JD014600006281' })],
  ['shipment-delivered', 'SHIPPED', saga.shipmentDelivered, 'DELIVERED', 'ordering.order-delivered.v1', () => ({})],
];

describe("ordering's handling of the saga's events", () => {
  it.each(STEPS)('%s moves a %s order on, once, however often it arrives', async (_, from, event, to, published, payload) => {
    const { orderId, lines, customer } = await anOrderIn(from);
    const before = (await ordering.outboxOf(orderId)).length;
    const news = event(orderId, lines);

    expect(await ordering.consumer.handle(news)).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe(to);
    const written = (await ordering.outboxOf(orderId)).slice(before);
    const expected = published ? [{ type: published, aggregate_id: orderId, correlation_id: orderId, causation_id: news.id, payload: { orderId, customerId: customer.subject, ...payload(orderId, lines) } }] : [];
    expect(written).toEqual(expected);

    // The same event again, and the same news under another event id: no second effect.
    expect(await ordering.consumer.handle(news)).toBe('duplicate');
    expect(await ordering.consumer.handle(event(orderId, lines))).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe(to);
    expect((await ordering.outboxOf(orderId)).slice(before)).toEqual(expected);
  });

  it('confirms an order whose payment was authorized before its stock was reserved, and keeps it confirmed', async () => {
    const { orderId, lines } = await anOrderIn('PLACED');
    await ordering.consumer.handle(saga.paymentAuthorized(orderId));
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');

    expect(await ordering.consumer.handle(saga.stockReserved(orderId, lines))).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v1', 'ordering.order-confirmed.v1']);
  });

  it('leaves a cancelled order cancelled when a refusal of its stock arrives late', async () => {
    const { orderId, lines, customer } = await anOrderIn('PLACED');
    const { body } = await ordering.request(CANCEL_ORDER, { id: orderId }, customer);
    expect(body.data?.cancelOrder.order.status).toBe('CANCELLED');

    expect(await ordering.consumer.handle(saga.stockReservationFailed(orderId, lines[0]!.productId))).toBe('handled');
    expect(await ordering.consumer.handle(saga.paymentAuthorized(orderId))).toBe('handled');
    const { rows } = await ordering.sql.query('SELECT status, status_reason_code FROM orders WHERE id = $1', [orderId]);
    expect(rows).toEqual([{ status: 'CANCELLED', status_reason_code: 'CUSTOMER_CANCELLED' }]);
    expect((await ordering.outboxOf(orderId)).map((row) => row.type)).toEqual(['ordering.order-placed.v1', 'ordering.order-cancelled.v1']);
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
      'ordering.order-placed.v1',
      'ordering.order-confirmed.v1',
      'ordering.order-shipped.v1',
      'ordering.order-delivered.v1',
    ]);
  });
});
