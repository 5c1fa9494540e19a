import { buildSchema } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../edge-settings';
import { LiveOrderOperations, type LiveOrderOperation } from './live-order-operation';
import { LiveOrderStream, type RunQuery } from './live-order-stream';
import type { ChangeFilter, OrderChange } from './order-change-feed';

const schema = buildSchema(`
  type Query { order(id: ID!): Order }
  type Subscription { orderUpdated(id: ID!): Order! myOrderUpdates: Order! }
  type Order { id: ID! status: String! }
`);
const operations = new LiveOrderOperations(schema, DEFAULT_QUERY_LIMITS);

/** The feed's one promise to a stream, in memory: listeners by filter, counted. */
class ChangesInMemory {
  readonly listeners = new Map<(change: OrderChange) => void, ChangeFilter>();
  listen(filter: ChangeFilter, listener: (change: OrderChange) => void) {
    this.listeners.set(listener, filter);
    return () => void this.listeners.delete(listener);
  }
  announce(change: OrderChange) {
    for (const [listener, filter] of this.listeners) if ('orderId' in filter ? filter.orderId === change.orderId : filter.customerId === change.customerId) listener(change);
  }
}

const change = (version: number, status = 'PLACED', orderId = 'order-1'): OrderChange => ({ orderId, customerId: 'ada', status: status as OrderChange['status'], version });

function streamOf(query: string, options: { maxPendingChanges?: number; expiresAt?: number | null; variables?: Record<string, unknown> } = {}) {
  const feed = new ChangesInMemory();
  const ran: Record<string, unknown>[] = [];
  const run: RunQuery = async (_operation, variables) => {
    ran.push(variables);
    return { data: { orderUpdated: { id: 'order-1' }, myOrderUpdates: { id: variables.liveOrderId } } };
  };
  const operation = operations.prepare({ query, variables: options.variables ?? {} }) as LiveOrderOperation;
  const events = { ended: 0, dropped: 0 };
  const stream = new LiveOrderStream({
    operation,
    identity: { subject: 'ada', roles: ['customer'], token: { sub: 'ada', roles: ['customer'] } },
    expiresAt: options.expiresAt ?? null,
    feed,
    run,
    maxPendingChanges: options.maxPendingChanges ?? 32,
    onEnd: () => (events.ended += 1),
    drop: () => (events.dropped += 1),
  });
  return { feed, ran, stream, events };
}

describe('LiveOrderOperations', () => {
  it('runs the subscription as a query for the order, under the same response key', () => {
    const prepared = operations.prepare({ query: 'subscription W($id: ID!) { watched: orderUpdated(id: $id) { status } }', variables: { id: 'o-7' } });
    expect(prepared).toMatchObject({ field: 'orderUpdated', orderId: 'o-7', responseKey: 'watched' });
  });

  it('refuses queries, unknown fields and missing variables with a code', () => {
    expect(operations.prepare({ query: '{ order(id: "1") { id } }' })).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(operations.prepare({ query: 'subscription { myOrderUpdates { nope } }' })).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(operations.prepare({ query: 'subscription($id: ID!) { orderUpdated(id: $id) { id } }' })).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('LiveOrderStream', () => {
  it('sends the current state first, then one message per new version, skipping repeated and older ones', async () => {
    const { feed, ran, stream } = streamOf('subscription { orderUpdated(id: "order-1") { id } }');
    await stream.next();
    feed.announce(change(1, 'AWAITING_PAYMENT'));
    feed.announce(change(1, 'AWAITING_PAYMENT'));
    feed.announce(change(0));
    feed.announce(change(2, 'CONFIRMED'));
    await stream.next();
    await stream.next();
    expect(ran).toHaveLength(3);
    // Nothing else is due: the next message waits for the next change.
    const fourth = stream.next().then(() => 'sent');
    expect(await Promise.race([fourth, new Promise((resolve) => setImmediate(() => resolve('waiting')))])).toBe('waiting');
    await stream.return();
  });

  it("asks for each changed order of the customer's by its id", async () => {
    const { feed, ran, stream } = streamOf('subscription { myOrderUpdates { id } }');
    feed.announce(change(0, 'PLACED', 'order-2'));
    feed.announce(change(0, 'PLACED', 'order-3'));
    expect((await stream.next()).value).toEqual({ data: { orderUpdated: { id: 'order-1' }, myOrderUpdates: { id: 'order-2' } } });
    await stream.next();
    expect(ran.map((variables) => variables.liveOrderId)).toEqual(['order-2', 'order-3']);
  });

  it('drops a subscriber that lets more changes pile up than it may, and stops listening', () => {
    const { feed, events } = streamOf('subscription { myOrderUpdates { id } }', { maxPendingChanges: 2 });
    feed.announce(change(0, 'PLACED', 'a'));
    feed.announce(change(0, 'PLACED', 'b'));
    expect(events).toEqual({ ended: 0, dropped: 0 });
    feed.announce(change(0, 'PLACED', 'c'));
    expect(events).toEqual({ ended: 1, dropped: 1 });
    expect(feed.listeners.size).toBe(0);
  });

  it('releases its listener at once when the client goes away while it waits', async () => {
    const { feed, stream, events } = streamOf('subscription { myOrderUpdates { id } }');
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(feed.listeners.size).toBe(0);
    expect(events.ended).toBe(1);
  });

  it('ends with UNAUTHENTICATED when the token expires', async () => {
    const { feed, stream } = streamOf('subscription { myOrderUpdates { id } }', { expiresAt: Date.now() });
    expect((await stream.next()).value).toEqual({ errors: [{ message: 'The token has expired.', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(feed.listeners.size).toBe(0);
  });
});
