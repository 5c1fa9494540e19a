import WebSocket from 'ws';
import { Client as PgClient } from 'pg';
import { OrderChangedV1 } from '@storefront/events';
import { Storefront } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';
import { eventually } from '../support/event-bus';
import { statusesOf, subscribeOverEventStream, subscribeOverWebSocket, webSocketClient, type LiveMessage, type LiveSubscription } from '../support/subscriptions';

jest.setTimeout(180_000);

/** Live order updates through the real gateway, subgraphs and queues: graphql-ws and Server-Sent Events. */
let system: RunningSystem;
let shop: Storefront;
let admin: string;
let ada: string;
let bob: string;
let mug: string;
const open: LiveSubscription[] = [];

const ORDER_UPDATED = `subscription Watch($id: ID!) { orderUpdated(id: $id) { id status statusReason { code } total { amount } payment { status } } }`;
const MY_ORDER_UPDATES = `subscription { myOrderUpdates { id status payment { status } } }`;
const SAGA = ['PLACED', 'AWAITING_PAYMENT', 'CONFIRMED'];
const FORWARD = ['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS', 'CONFIRMED', 'CANCELLED'];

/**
 * One message per change, in order: as many messages as changes, each showing the order as it was
 * when its query ran, so never going back. (A change that is overtaken before its query runs shows
 * the later state: PLACED, CONFIRMED, CONFIRMED instead of PLACED, AWAITING_PAYMENT, CONFIRMED.)
 */
function expectOnePerChange(statuses: string[], changes: string[]) {
  expect(statuses).toHaveLength(changes.length);
  expect(statuses.at(-1)).toBe(changes.at(-1));
  expect(statuses.map((status) => FORWARD.indexOf(status))).toEqual(statuses.map((status) => FORWARD.indexOf(status)).sort((a, b) => a - b));
}

const held = <T extends LiveSubscription>(subscription: T): T => {
  open.push(subscription);
  return subscription;
};
const confirmedIn = (field: string) => (messages: LiveMessage[]) => statusesOf(messages, field).includes('CONFIRMED');
const codesOf = (messages: LiveMessage[]) => messages.flatMap((message) => (message.errors ?? []).map((error) => error.extensions?.code));

/** The statuses ordering announced for each order, in order (its outbox's order-changed rows). */
async function announcedStatuses(orderIds: readonly string[]): Promise<Map<string, string[]>> {
  // The shared PostgreSQL may be out of connections for a moment while other suites run.
  const sql = await eventually(async () => {
    const client = new PgClient({ connectionString: system.databaseUrl('ordering') });
    client.on('error', () => undefined);
    return client.connect().then(() => client, () => undefined);
  }, 'a connection to ordering\'s database');
  try {
    const { rows } = await sql.query<{ order_id: string; status: string }>(
      `SELECT aggregate_id AS order_id, payload->>'status' AS status FROM outbox WHERE type = $1 AND aggregate_id = ANY($2::text[]) ORDER BY position`,
      [OrderChangedV1.name, orderIds],
    );
    const byOrder = new Map(orderIds.map((id) => [id, [] as string[]]));
    for (const row of rows) byOrder.get(row.order_id)!.push(row.status);
    return byOrder;
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  system = await startSystem();
  admin = await system.token('admin-live', ['customer', 'admin']);
  ada = await system.token('customer-ada');
  bob = await system.token('customer-bob');
  shop = new Storefront(`${system.gatewayUrl}/graphql`, admin);
  mug = await shop.stockedProduct('LIVE-MUG', 10_000, 1299);
  await shop.placeOrderOnceSellable(admin, [{ productId: mug, quantity: 1 }]);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((subscription) => subscription.close()));
});
afterAll(() => system?.stop());

describe('a WebSocket subscriber (graphql-ws)', () => {
  it('gets one message per change of its new order (PLACED → AWAITING_PAYMENT → CONFIRMED), with the payment in every message', async () => {
    const mine = held(subscribeOverWebSocket(system.gatewayUrl, { query: MY_ORDER_UPDATES }, ada));
    await eventually(async () => (system.liveOrders().subscriptions === 1 ? true : undefined), 'the subscription to be open');
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 2 }]);

    const messages = await mine.until(confirmedIn('myOrderUpdates'), 'the order to be confirmed');
    expectOnePerChange(statusesOf(messages, 'myOrderUpdates'), SAGA);
    for (const message of messages) {
      expect(message.errors).toBeUndefined();
      expect(message.data!.myOrderUpdates).toEqual({ id, status: expect.any(String), payment: message.data!.myOrderUpdates.payment });
      expect(message.data!.myOrderUpdates).toHaveProperty('payment');
    }
    expect(messages.at(-1)!.data!.myOrderUpdates.payment).toEqual({ status: 'AUTHORIZED' });

    // Asking again (as after a reconnect) gives the current state first.
    const again = held(subscribeOverWebSocket(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, ada));
    const [first] = await again.until((received) => received.length > 0, 'the current state');
    expect(first!.data!.orderUpdated).toMatchObject({ id, status: 'CONFIRMED', total: { amount: 2 * 1299 }, payment: { status: 'AUTHORIZED' } });
  });
});

describe('an event-stream subscriber (graphql-sse, distinct connections)', () => {
  it('sees each change of its new order, then its cancellation: the order ends CANCELLED', async () => {
    const mine = held(subscribeOverEventStream(system.gatewayUrl, { query: MY_ORDER_UPDATES }, ada));
    await eventually(async () => (system.liveOrders().subscriptions === 1 ? true : undefined), 'the subscription to be open');
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 1 }]);
    const messages = await mine.until(confirmedIn('myOrderUpdates'), 'the order to be confirmed');
    expectOnePerChange(statusesOf(messages, 'myOrderUpdates'), SAGA);
    expect(messages.every((message) => message.data!.myOrderUpdates.id === id && 'payment' in message.data!.myOrderUpdates)).toBe(true);

    const watch = held(subscribeOverEventStream(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, ada));
    await watch.until((received) => received.length === 1, 'the current state');
    const cancelled = await shop.cancel(id, ada);
    expect(cancelled.data!.cancelOrder.errors).toEqual([]);
    const watched = await watch.until((received) => statusesOf(received).includes('CANCELLED'), 'the cancellation');
    expect(statusesOf(watched)).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(watched.at(-1)!.data!.orderUpdated).toMatchObject({ status: 'CANCELLED', statusReason: { code: 'CUSTOMER_CANCELLED' } });
  });
});

describe('curl -N', () => {
  it("streams a subscription whose body curl's --data labels as a form", async () => {
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 1 }]);
    const abort = new AbortController();
    const response = await fetch(`${system.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { accept: 'text/event-stream', authorization: `Bearer ${ada}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify({ query: ORDER_UPDATED, variables: { id } }),
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('event: next')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(text).toContain(`"id":"${id}"`);
  });
});

describe('who may subscribe', () => {
  it("refuses another customer's order exactly like an order that does not exist, and ends the subscription", async () => {
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 1 }]);
    for (const subscribe of [subscribeOverWebSocket, subscribeOverEventStream]) {
      const others = held(subscribe(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, bob));
      const missing = held(subscribe(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id: '00000000-0000-4000-8000-000000000000' } }, bob));
      for (const refused of [others, missing]) {
        expect(await refused.ended).toBe('complete');
        expect(refused.messages).toEqual([{ errors: [{ message: 'There is no order with this id that you may watch.', extensions: { code: 'ORDER_NOT_FOUND' } }] }]);
      }
    }
    // An admin may watch anyone's order.
    const asAdmin = held(subscribeOverWebSocket(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, admin));
    const [first] = await asAdmin.until((received) => received.length > 0, 'the current state');
    expect(first!.data!.orderUpdated.id).toBe(id);
  });

  it('refuses myOrderUpdates to an anonymous caller with UNAUTHENTICATED, on both transports', async () => {
    for (const subscribe of [subscribeOverWebSocket, subscribeOverEventStream]) {
      const anonymous = held(subscribe(system.gatewayUrl, { query: MY_ORDER_UPDATES }));
      expect(await anonymous.ended).not.toBe('closed');
      expect(codesOf(anonymous.messages)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses a WebSocket connection whose token does not verify', async () => {
    const forged = held(subscribeOverWebSocket(system.gatewayUrl, { query: MY_ORDER_UPDATES }, `${ada}x`));
    expect(await forged.ended).toBe('closed');
    expect(forged.messages).toEqual([]);
  });

  it('ends the subscriptions of a token that expires', async () => {
    const brief = await system.token('customer-ada', ['customer'], '3s');
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 1 }]);
    for (const subscribe of [subscribeOverWebSocket, subscribeOverEventStream]) {
      const watch = held(subscribe(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, brief));
      expect(await watch.ended).toBe('complete');
      expect(codesOf(watch.messages)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('limits', () => {
  it('applies the query limits to the selection', async () => {
    const deep = `subscription($id: ID!) { orderUpdated(id: $id) { lines { product { id } } customer { orders { edges { node { customer { orders { edges { node { customer { orders { edges { node { id } } } } } } } } } } } } } }`;
    const refused = held(subscribeOverEventStream(system.gatewayUrl, { query: deep, variables: { id: 'x' } }, ada));
    await refused.ended;
    expect(codesOf(refused.messages)).toEqual(['QUERY_TOO_DEEP']);
    const unknown = held(subscribeOverWebSocket(system.gatewayUrl, { query: 'subscription { orderUpdated(id: "x") { nope } }' }, ada));
    expect(await unknown.ended).toBe('error');
    expect(codesOf(unknown.messages)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('holds at most 10 subscriptions on one connection and 20 per caller', async () => {
    const id = await shop.placeOrderOnceSellable(bob, [{ productId: mug, quantity: 1 }]);
    const client = webSocketClient(system.gatewayUrl, bob);
    try {
      const onOneConnection = Array.from({ length: 11 }, () => held(subscribeOverWebSocket(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, bob, client)));
      await eventually(async () => (onOneConnection.filter((s) => s.messages.length > 0).length === 11 ? true : undefined), 'every subscription to answer');
      expect(onOneConnection.map((s) => codesOf(s.messages)).filter((codes) => codes.length > 0)).toEqual([['TOO_MANY_SUBSCRIPTIONS']]);

      const overStreams = Array.from({ length: 11 }, () => held(subscribeOverEventStream(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, bob)));
      await eventually(async () => (overStreams.filter((s) => s.messages.length > 0).length === 11 ? true : undefined), 'every stream to answer');
      // 10 on the connection + 10 streams: the 21st of the caller is refused.
      expect(overStreams.map((s) => codesOf(s.messages)).filter((codes) => codes.length > 0)).toEqual([['TOO_MANY_SUBSCRIPTIONS']]);
    } finally {
      await Promise.all(open.splice(0).map((subscription) => subscription.close()));
      await client.dispose();
    }
  });
});

describe('the fan-out', () => {
  it('tells a subscriber on one gateway of an order placed through another', async () => {
    const other = await system.anotherGateway();
    const otherUrl = other.url.replace(/\/graphql$/, '');
    const mine = held(subscribeOverWebSocket(otherUrl, { query: MY_ORDER_UPDATES }, ada));
    await eventually(async () => (other.liveOrders!().subscriptions === 1 ? true : undefined), 'the subscription to be open');
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 1 }]);
    const messages = await mine.until(confirmedIn('myOrderUpdates'), 'the order to be confirmed');
    expect(messages.every((message) => message.data!.myOrderUpdates.id === id)).toBe(true);
    expect(statusesOf(messages, 'myOrderUpdates').at(-1)).toBe('CONFIRMED');
  });

  it('gives 200 concurrent subscribers every change of their own order and nothing else', async () => {
    const customers = await Promise.all(Array.from({ length: 200 }, (_, i) => system.token(`crowd-${i}`)));
    const subscriptions = customers.map((token) => held(subscribeOverWebSocket(system.gatewayUrl, { query: MY_ORDER_UPDATES }, token)));
    await eventually(async () => (system.liveOrders().subscriptions === 200 ? true : undefined), '200 subscriptions to be open');
    const ids: string[] = [];
    for (let i = 0; i < customers.length; i += 20) {
      ids.push(...(await Promise.all(customers.slice(i, i + 20).map((token) => shop.placeOrderOnceSellable(token, [{ productId: mug, quantity: 1 }])))));
    }
    // The saga confirms them all on a quiet machine; on a crowded one an event may wait out its retries.
    // Either way each subscriber must have heard exactly the changes ordering announced for its order.
    await eventually(async () => (subscriptions.every((s) => confirmedIn('myOrderUpdates')(s.messages)) ? true : undefined), 'every order to be confirmed', 120_000).catch(() => undefined);
    const announced = await announcedStatuses(ids);
    await eventually(async () => (subscriptions.every((s, i) => s.messages.length >= announced.get(ids[i]!)!.length) ? true : undefined), 'the last messages');
    expect(subscriptions.filter((s) => confirmedIn('myOrderUpdates')(s.messages)).length).toBeGreaterThan(0);
    subscriptions.forEach((subscription, i) => {
      expect(subscription.messages.map((message) => message.data?.myOrderUpdates.id)).toEqual(announced.get(ids[i]!)!.map(() => ids[i]));
      expectOnePerChange(statusesOf(subscription.messages, 'myOrderUpdates'), announced.get(ids[i]!)!);
    });
  });

  it('leaves no listener behind when clients go away mid-stream', async () => {
    // The earlier tests' clients have gone too: once the gateway has seen them go, nothing is left.
    const idle = { subscriptions: 0, listeners: 0 };
    await eventually(async () => (system.liveOrders().listeners === 0 ? true : undefined), 'the earlier clients to be gone');
    expect(system.liveOrders()).toEqual(idle);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 1 }]);
    const streams = Array.from({ length: 5 }, () => subscribeOverEventStream(system.gatewayUrl, { query: ORDER_UPDATED, variables: { id } }, ada));
    const sockets = Array.from({ length: 5 }, () => {
      const socket = new WebSocket(`${system.gatewayUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${ada}` } })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ORDER_UPDATED, variables: { id } } }));
      });
      return socket;
    });
    await eventually(async () => (system.liveOrders().listeners === 10 ? true : undefined), 'ten listeners');
    for (const socket of sockets) socket.terminate();
    await Promise.all(streams.map((stream) => stream.close()));
    await eventually(async () => (system.liveOrders().listeners === 0 ? true : undefined), 'the listeners to be gone');
    expect(system.liveOrders()).toEqual(idle);
  });
});
