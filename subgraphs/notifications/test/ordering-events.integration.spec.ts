import { RejectedEventError } from '@storefront/messaging';
import type { EventEnvelope } from '@storefront/events';
import { startHarness } from './notifications-harness';
import {
  anOrder,
  minute,
  orderCancelled,
  orderConfirmed,
  orderDelivered,
  orderPlaced,
  orderRejected,
  orderShipped,
  republished,
  type AnOrder,
} from './ordering-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const notifications = startedForThisFile(startHarness);

const handle = (event: EventEnvelope) => notifications.consumer.handle(event);
const toldAbout = ({ orderId }: AnOrder) =>
  notifications.db.notification.findMany({ where: { orderId }, orderBy: { occurredAt: 'asc' }, select: { kind: true, message: true, channel: true, address: true, causedBy: true } });

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Each event with the notification it gives, for an order whose contact address is known. */
const cases: [string, (order: AnOrder) => EventEnvelope, string, string][] = [
  ['order-placed', (o) => orderPlaced(o), 'ORDER_RECEIVED', 'We received your order of €51.98. We will let you know as soon as it is confirmed.'],
  [
    'order-placed with a discount, shipping and tax',
    (o) => orderPlaced(o, new Date(), { subtotal: eur(5000), discount: eur(500), shipping: eur(499), tax: eur(950), total: eur(5949) }),
    'ORDER_RECEIVED',
    'We received your order of €59.49 (items €50.00, discount -€5.00, shipping €4.99, tax €9.50). We will let you know as soon as it is confirmed.',
  ],
  ['order-confirmed', (o) => orderConfirmed(o), 'ORDER_CONFIRMED', 'Good news: your order of €51.98 is confirmed. We are getting it ready to ship.'],
  ['order-rejected', (o) => orderRejected(o, 'Enamel mug is out of stock'), 'ORDER_REJECTED', 'Sorry, we could not accept your order: Enamel mug is out of stock. You have not been charged.'],
  ['order-cancelled by the customer', (o) => orderCancelled(o, 'CUSTOMER_CANCELLED', 'Cancelled by the customer'), 'ORDER_CANCELLED', 'Your order has been cancelled, as you asked. You have not been charged.'],
  [
    'order-cancelled for a declined payment',
    (o) => orderCancelled(o, 'PAYMENT_DECLINED', 'The card was declined.'),
    'ORDER_CANCELLED',
    'Your order has been cancelled because the payment was declined: The card was declined. You have not been charged.',
  ],
  ['order-shipped', (o) => orderShipped(o), 'ORDER_SHIPPED', 'Your order is on its way with DHL. Tracking number: JD014600006281230.'],
  ['order-delivered', (o) => orderDelivered(o), 'ORDER_DELIVERED', 'Your order has been delivered. We hope you enjoy it!'],
];

describe("notifications' handling of ordering's events", () => {
  describe.each(cases)('%s', (_, event, kind, message) => {
    it(`tells the customer once, as ${kind}, by email to the order's contact`, async () => {
      const order = anOrder();
      // The order is placed first, so its contact address is known (order-placed itself learns it).
      const placed = kind === 'ORDER_RECEIVED' ? null : orderPlaced(order);
      if (placed) await handle(placed);
      const news = event(order);

      expect(await handle(news)).toBe('handled');

      const told = (await toldAbout(order)).filter((n) => n.causedBy === news.id);
      expect(told).toEqual([{ kind, message, channel: 'EMAIL', address: 'ada@example.com', causedBy: news.id }]);
    });

    it('has one effect when the same event arrives twice', async () => {
      const order = anOrder();
      const news = event(order);
      expect(await handle(news)).toBe('handled');
      expect(await handle(news)).toBe('duplicate');
      expect(await notifications.db.notification.count({ where: { causedBy: news.id } })).toBe(1);
      expect(await notifications.db.inboxEvent.count({ where: { eventId: news.id } })).toBe(1);
    });

    it('tells the news once even when ordering publishes it again under another event id', async () => {
      const order = anOrder();
      const news = event(order);
      await handle(news);

      expect(await handle(republished(news))).toBe('handled');

      expect((await toldAbout(order)).map((n) => n.causedBy)).toEqual([news.id]);
    });
  });

  it('tells news that arrives before the order was placed, kept for the account since no address is known yet', async () => {
    const order = anOrder();
    const confirmed = orderConfirmed(order, minute(2));
    expect(await handle(confirmed)).toBe('handled');
    expect(await handle(orderPlaced(order, minute(1)))).toBe('handled');
    expect(await handle(orderShipped(order, minute(3)))).toBe('handled');

    expect((await toldAbout(order)).map(({ kind, channel, address }) => ({ kind, channel, address }))).toEqual([
      { kind: 'ORDER_RECEIVED', channel: 'EMAIL', address: 'ada@example.com' },
      { kind: 'ORDER_CONFIRMED', channel: 'ACCOUNT', address: null },
      { kind: 'ORDER_SHIPPED', channel: 'EMAIL', address: 'ada@example.com' },
    ]);
  });

  it('keeps the first contact address learned for an order', async () => {
    const order = anOrder();
    await handle(orderPlaced(order, minute(1), { contactEmail: 'ada@example.com' }));
    await handle(orderPlaced(order, minute(1), { contactEmail: 'someone.else@example.com' }));
    await handle(orderDelivered(order));
    expect(await notifications.db.recipient.findUnique({ where: { orderId: order.orderId } })).toMatchObject({ contactEmail: 'ada@example.com' });
    expect((await toldAbout(order)).map((n) => n.address)).toEqual(['ada@example.com', 'ada@example.com']);
  });

  it('tells each order its own news: the same kind for two orders is two notifications', async () => {
    const customerId = 'customer-two-orders';
    const [first, second] = [anOrder(customerId), anOrder(customerId)];
    await handle(orderShipped(first));
    await handle(orderShipped(second));
    expect(await notifications.db.notification.count({ where: { customerId, kind: 'ORDER_SHIPPED' } })).toBe(2);
  });

  it('tells one notification when the same news is delivered many times at once', async () => {
    const order = anOrder();
    const delivered = orderDelivered(order);
    const outcomes = await Promise.all([delivered, delivered, republished(delivered), republished(delivered)].map(handle));
    expect(outcomes.sort()).toEqual(['duplicate', 'handled', 'handled', 'handled']);
    expect(await notifications.db.notification.count({ where: { orderId: order.orderId } })).toBe(1);
  });

  it('rejects for good payloads that break the contract, and tells nothing', async () => {
    const order = anOrder();
    const shipped = orderShipped(order);
    await expect(handle({ ...shipped, payload: { ...(shipped.payload as object), trackingNumber: '' } })).rejects.toBeInstanceOf(RejectedEventError);
    expect(await toldAbout(order)).toEqual([]);
    expect(await notifications.db.inboxEvent.count({ where: { eventId: shipped.id } })).toBe(0);
  });
});
