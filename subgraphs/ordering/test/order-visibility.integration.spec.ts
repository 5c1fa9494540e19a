import { randomUUID } from 'node:crypto';
import { aCustomer, admin, startHarness, type OrderingHarness } from './ordering-harness';
import { CUSTOMER_ORDERS, MY_ORDERS, ORDER, ORDER_ENTITIES, aPlacedOrder, anOrderInput, placeOrder, refs } from './ordering-operations';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

describe('who sees an order', () => {
  it('shows an order to the customer who placed it and to admins; to anyone else it does not exist', async () => {
    const owner = aCustomer();
    const orderId = await aPlacedOrder(ordering, owner);
    const seen = { id: orderId, status: 'PLACED', customer: { id: owner.subject } };
    for (const [caller, expected] of [[owner, seen], [admin, seen], [aCustomer(), null], [null, null]] as const) {
      const { body } = await ordering.request(ORDER, { id: orderId }, caller);
      expect(body).toEqual({ data: { order: expected } });
    }
    for (const id of [randomUUID(), 'not-an-id']) {
      expect((await ordering.request(ORDER, { id }, owner)).body).toEqual({ data: { order: null } });
    }
  });

  it('resolves Order entities for the owner and admins only, in the order asked', async () => {
    const owner = aCustomer();
    const ids = [await aPlacedOrder(ordering, owner), await aPlacedOrder(ordering, owner)];
    const asked = refs('Order', [ids[1]!, randomUUID(), ids[0]!]);
    const forOwner = await ordering.request(ORDER_ENTITIES, asked, owner);
    expect(forOwner.body.data?._entities.map((order: { id: string } | null) => order?.id ?? null)).toEqual([ids[1], null, ids[0]]);
    const forStranger = await ordering.request(ORDER_ENTITIES, asked, aCustomer());
    expect(forStranger.body.data?._entities).toEqual([null, null, null]);
  });

  it('gives me: the signed-in customer, null when anonymous', async () => {
    const customer = aCustomer();
    expect((await ordering.request('{ me { id } }', {}, customer)).body).toEqual({ data: { me: { id: customer.subject } } });
    expect((await ordering.request('{ me { id } }', {}, null)).body).toEqual({ data: { me: null } });
  });
});

describe("a customer's orders", () => {
  it('lists them newest first, a page at a time', async () => {
    const customer = aCustomer();
    const placed: string[] = [];
    for (let i = 0; i < 5; i += 1) placed.push(await aPlacedOrder(ordering, customer));
    // Placed a minute apart, except the last two, placed at the same moment: the larger id comes first.
    const minutes = [0, 1, 2, 3, 3];
    for (const [i, id] of placed.entries()) {
      await ordering.sql.query(`UPDATE orders SET placed_at = timestamptz '2026-11-01T10:00:00Z' + make_interval(mins => $2) WHERE id = $1`, [id, minutes[i]]);
    }
    const tied = placed.slice(3).sort().reverse();
    const newestFirst = [...tied, placed[2], placed[1], placed[0]];

    const first = await ordering.request(MY_ORDERS, { first: 2 }, customer);
    const page1 = first.body.data?.me.orders;
    expect(page1.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });

    const rest = await ordering.request(MY_ORDERS, { first: 10, after: page1.pageInfo.endCursor }, customer);
    expect(rest.body.data?.me.orders.edges.map((edge: any) => edge.node.id)).toEqual(newestFirst.slice(2));
    expect(rest.body.data?.me.orders.pageInfo.hasNextPage).toBe(false);
  });

  it('shows them to the customer and admins only; anyone else sees an empty list', async () => {
    const customer = aCustomer();
    const orderId = await aPlacedOrder(ordering, customer);
    const listed = (caller: Parameters<OrderingHarness['request']>[2]) =>
      ordering.request(CUSTOMER_ORDERS, { ...refs('Customer', [customer.subject]), first: 10 }, caller).then(({ body }) => body.data?._entities[0]);
    expect(await listed(customer)).toEqual({ id: customer.subject, orders: { edges: [{ node: { id: orderId } }], pageInfo: { hasNextPage: false } } });
    expect(await listed(admin)).toEqual({ id: customer.subject, orders: { edges: [{ node: { id: orderId } }], pageInfo: { hasNextPage: false } } });
    expect(await listed(aCustomer())).toEqual({ id: customer.subject, orders: { edges: [], pageInfo: { hasNextPage: false } } });
    expect(await listed(null)).toEqual({ id: customer.subject, orders: { edges: [], pageInfo: { hasNextPage: false } } });
  });

  it('refuses a page size over 100 and a cursor that is not one of its own', async () => {
    const customer = aCustomer();
    const tooMany = await ordering.request(MY_ORDERS, { first: 101 }, customer);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const foreign = await ordering.request(MY_ORDERS, { first: 1, after: 'bm90LWEtY3Vyc29y' }, customer);
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('batching', () => {
  it('resolves 100 Order references with their lines in one SQL query', async () => {
    const customer = aCustomer();
    const [mug, teapot] = await ordering.priceProducts({}, { name: 'Teapot', price: { amount: 3500, currency: 'EUR' } });
    const ids: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const { order } = await placeOrder(ordering, customer, anOrderInput([mug!, teapot!]));
      ids.push(order.id);
    }

    ordering.sqlQueries.reset();
    const { body } = await ordering.request(ORDER_ENTITIES, refs('Order', ids), admin);
    expect(ordering.sqlQueries.count).toBe(1);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toHaveLength(100);
    expect(body.data?._entities[99]).toEqual({
      id: ids[99],
      status: 'PLACED',
      total: { amount: 4799, currency: 'EUR' },
      lines: [
        { product: { id: mug }, name: 'Enamel mug', quantity: 1, lineTotal: { amount: 1299 } },
        { product: { id: teapot }, name: 'Teapot', quantity: 1, lineTotal: { amount: 3500 } },
      ],
      customer: { id: customer.subject },
    });

    ordering.sqlQueries.reset();
    const page = await ordering.request(
      'query { me { orders(first: 100) { edges { node { id total { amount } lines { name lineTotal { amount } } } } } } }',
      {},
      customer,
    );
    expect(page.body.data?.me.orders.edges).toHaveLength(100);
    expect(ordering.sqlQueries.count).toBe(1);
  });
});
