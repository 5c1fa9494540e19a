import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@storefront/events';
import type { Identity } from '@storefront/platform';
import {
  CUSTOMER_NOTIFICATIONS,
  ORDER_NOTIFICATIONS,
  admin,
  asCustomer,
  customers,
  orders,
  startHarness,
} from './notifications-harness';
import { anOrder, minute, orderConfirmed, orderDelivered, orderPlaced, orderShipped, type AnOrder } from './ordering-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const notifications = startedForThisFile(startHarness);

async function handleAll(...events: EventEnvelope[]): Promise<void> {
  for (const event of events) await notifications.consumer.handle(event);
}

interface Page {
  kinds: string[];
  edges: { cursor: string; node: Record<string, any> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function notificationsOf(customerId: string, viewer: Identity | null, args: { first?: number; after?: string } = {}): Promise<Page> {
  const response = await notifications.graphql(CUSTOMER_NOTIFICATIONS, { representations: customers([customerId]), ...args }, viewer);
  expect(response.errors).toBeUndefined();
  const connection = response.data!._entities[0].notifications;
  return { ...connection, kinds: connection.edges.map((edge: { node: { kind: string } }) => edge.node.kind) };
}

/** An order of a new customer that was placed, confirmed and shipped, a minute apart. */
async function aShippedOrder(): Promise<AnOrder> {
  const order = anOrder();
  await handleAll(orderPlaced(order, minute(1)), orderConfirmed(order, minute(2)), orderShipped(order, minute(3)));
  return order;
}

describe('Customer.notifications', () => {
  it('lists what the customer was told, newest first, with every field', async () => {
    const order = anOrder();
    const placed = orderPlaced(order, minute(1));
    await handleAll(placed);

    const page = await notificationsOf(order.customerId, asCustomer(order.customerId));

    expect(page.edges).toEqual([
      {
        cursor: expect.any(String),
        node: {
          id: expect.any(String),
          kind: 'ORDER_RECEIVED',
          message: 'We received your order of €51.98. We will let you know as soon as it is confirmed.',
          orderId: order.orderId,
          channel: 'EMAIL',
          sentTo: 'ada@example.com',
          sentAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
          occurredAt: minute(1).toISOString(),
        },
      },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[0]!.cursor });
  });

  it('lists news by when it happened, not by when it arrived', async () => {
    const order = anOrder();
    await handleAll(orderShipped(order, minute(3)), orderConfirmed(order, minute(2)), orderDelivered(order, minute(4)), orderPlaced(order, minute(1)));

    expect((await notificationsOf(order.customerId, admin)).kinds).toEqual(['ORDER_DELIVERED', 'ORDER_SHIPPED', 'ORDER_CONFIRMED', 'ORDER_RECEIVED']);
  });

  it('shows them to the customer themself and to admins, and an empty list to anyone else', async () => {
    const { customerId } = await aShippedOrder();
    const told = ['ORDER_SHIPPED', 'ORDER_CONFIRMED', 'ORDER_RECEIVED'];

    expect((await notificationsOf(customerId, asCustomer(customerId))).kinds).toEqual(told);
    expect((await notificationsOf(customerId, admin)).kinds).toEqual(told);
    for (const stranger of [asCustomer('someone-else'), null]) {
      expect(await notificationsOf(customerId, stranger)).toEqual({ kinds: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
  });

  it('gives an empty list for a customer who was told nothing', async () => {
    expect((await notificationsOf('never-ordered', asCustomer('never-ordered'))).edges).toEqual([]);
  });

  it('pages through them with first and after, newest first', async () => {
    const order = anOrder();
    await handleAll(orderPlaced(order, minute(1)), orderConfirmed(order, minute(2)), orderShipped(order, minute(3)), orderDelivered(order, minute(4)));
    const viewer = asCustomer(order.customerId);

    const first = await notificationsOf(order.customerId, viewer, { first: 3 });
    expect(first.kinds).toEqual(['ORDER_DELIVERED', 'ORDER_SHIPPED', 'ORDER_CONFIRMED']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[2]!.cursor });

    const second = await notificationsOf(order.customerId, viewer, { first: 3, after: first.pageInfo.endCursor! });
    expect(second.kinds).toEqual(['ORDER_RECEIVED']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const none = await notificationsOf(order.customerId, viewer, { first: 0 });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo.hasNextPage).toBe(true);
  });

  it('keeps news that happened at the same instant apart by id across pages', async () => {
    const [one, two] = [anOrder('customer-same-instant'), anOrder('customer-same-instant')];
    await handleAll(orderDelivered(one, minute(5)), orderDelivered(two, minute(5)));
    const viewer = asCustomer('customer-same-instant');

    const first = await notificationsOf('customer-same-instant', viewer, { first: 1 });
    const second = await notificationsOf('customer-same-instant', viewer, { first: 1, after: first.pageInfo.endCursor! });

    expect(new Set([first.edges[0]!.node.orderId, second.edges[0]!.node.orderId])).toEqual(new Set([one.orderId, two.orderId]));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page size over 100 and a cursor that is not one of this list, for anyone', async () => {
    for (const [args, field] of [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('shipping.awaiting-measurement:v1:2026-11-21T09:00:00.000Z|x').toString('base64url') }, 'after'],
      [{ after: Buffer.from(`notifications.customer:v1:2026-13-45T09:00:00.000Z|${randomUUID()}`).toString('base64url') }, 'after'],
    ] as const) {
      for (const viewer of [asCustomer('c-1'), null]) {
        const response = await notifications.graphql(CUSTOMER_NOTIFICATIONS, { representations: customers(['c-1']), ...args }, viewer);
        expect(response.status).toBe(200);
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    }
  });

  it("loads 100 customers' notifications in one SQL query", async () => {
    const orders = Array.from({ length: 100 }, () => anOrder());
    for (const order of orders) await handleAll(orderPlaced(order, minute(1)));

    notifications.server.sqlQueries.reset();
    const response = await notifications.graphql(CUSTOMER_NOTIFICATIONS, { representations: customers(orders.map((o) => o.customerId)), first: 5 }, admin);

    expect(notifications.server.sqlQueries.count).toBe(1);
    const listed = response.data!._entities.map((customer: { notifications: { edges: { node: { orderId: string } }[] } }) => customer.notifications.edges.map((e) => e.node.orderId));
    expect(listed).toEqual(orders.map((order) => [order.orderId]));
  });

  it('asks the database nothing for a caller who may see nobody', async () => {
    notifications.server.sqlQueries.reset();
    await notifications.graphql(CUSTOMER_NOTIFICATIONS, { representations: customers(['c-1', 'c-2']) }, null);
    expect(notifications.server.sqlQueries.count).toBe(0);
  });
});

describe('Order.notifications', () => {
  async function orderNotifications(orderIds: string[], viewer: Identity | null): Promise<string[][]> {
    const response = await notifications.graphql(ORDER_NOTIFICATIONS, { representations: orders(orderIds) }, viewer);
    expect(response.errors).toBeUndefined();
    return response.data!._entities.map((order: { notifications: { kind: string }[] }) => order.notifications.map((n) => n.kind));
  }

  it("shows what the order's customer was told to them and to admins, newest first; nothing to anyone else", async () => {
    const order = await aShippedOrder();
    const told = [['ORDER_SHIPPED', 'ORDER_CONFIRMED', 'ORDER_RECEIVED']];

    expect(await orderNotifications([order.orderId], asCustomer(order.customerId))).toEqual(told);
    expect(await orderNotifications([order.orderId], admin)).toEqual(told);
    expect(await orderNotifications([order.orderId], asCustomer('someone-else'))).toEqual([[]]);
    expect(await orderNotifications([order.orderId], null)).toEqual([[]]);
  });

  it('gives an empty list for an order it knows nothing of, or an id that is no order id', async () => {
    expect(await orderNotifications([randomUUID(), 'not-an-order-id'], admin)).toEqual([[], []]);
  });

  it("loads 100 orders' notifications in one SQL query", async () => {
    // One after the other, as the queue's worker would: a hundred transactions at once would only wait for connections.
    const shipped: AnOrder[] = [];
    for (let i = 0; i < 100; i += 1) shipped.push(await aShippedOrder());

    notifications.server.sqlQueries.reset();
    const listed = await orderNotifications(shipped.map((order) => order.orderId), admin);

    expect(notifications.server.sqlQueries.count).toBe(1);
    expect(listed).toEqual(shipped.map(() => ['ORDER_SHIPPED', 'ORDER_CONFIRMED', 'ORDER_RECEIVED']));
  });
});
