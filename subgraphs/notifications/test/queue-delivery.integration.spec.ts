import { OutboxRelay } from '@storefront/messaging';
import { eventually } from '../../../test/support/event-bus';
import { CUSTOMER_NOTIFICATIONS, asCustomer, customers, startHarness, type NotificationsHarness } from './notifications-harness';
import { anOrder, minute, orderConfirmed, orderDelivered, orderPlaced, orderShipped } from './ordering-events';

let notifications: NotificationsHarness;
let relay: OutboxRelay;

beforeAll(async () => {
  notifications = await startHarness();
  // Only its publishing is used: it routes ordering's events to the subscribers' queues under this run's prefix.
  relay = new OutboxRelay({ context: 'ordering', databaseUrl: 'postgresql://unused@127.0.0.1:1/unused', events: notifications.events });
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  await notifications?.stop();
});

describe('delivery through the queue', () => {
  it("tells the customer of every event on notifications' queue, listed by when it happened whatever the order of arrival", async () => {
    const order = anOrder();
    await relay.publish([orderDelivered(order, minute(4)), orderShipped(order, minute(3))]);
    await relay.publish([orderConfirmed(order, minute(2)), orderPlaced(order, minute(1))]);

    const kinds = await eventually(async () => {
      const { data } = await notifications.graphql(CUSTOMER_NOTIFICATIONS, { representations: customers([order.customerId]) }, asCustomer(order.customerId));
      const listed: string[] = data!._entities[0].notifications.edges.map((edge: { node: { kind: string } }) => edge.node.kind);
      return listed.length === 4 ? listed : undefined;
    }, 'the four notifications to be told');

    expect(kinds).toEqual(['ORDER_DELIVERED', 'ORDER_SHIPPED', 'ORDER_CONFIRMED', 'ORDER_RECEIVED']);
  });
});
