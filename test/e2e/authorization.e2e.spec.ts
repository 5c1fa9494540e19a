import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { Storefront } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(120_000);

/** Each context's authorization rules, asked through the gateway by customers, admins and strangers. */
const ops = clientOperations('storefront');
let system: RunningSystem;
let endpoint: string;
let shop: Storefront;
let admin: string;
let ada: string;
let bob: string;
let adasOrder: string;

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
  admin = await system.token('admin-1', ['customer', 'admin']);
  ada = await system.token('auth-ada');
  bob = await system.token('auth-bob');
  shop = new Storefront(endpoint, admin);
  const product = await shop.stockedProduct('AUTH-1', 5);
  adasOrder = await shop.placeOrderOnceSellable(ada, [{ productId: product, quantity: 1 }]);
  await shop.orderWhen(adasOrder, ada, (o) => o.shipment?.status === 'PENDING' && o.payment?.status === 'AUTHORIZED', 'the order to be confirmed');
});
afterAll(() => system?.stop());

const ORDER_DETAILS = `query ($id: ID!) { order(id: $id) { id payment { status } shipment { status } notifications { kind } } }`;

describe('what a customer may see', () => {
  it("gives another customer nothing for an order, its payment, its shipment or its notifications: null, not an error", async () => {
    const asBob = await graphql(endpoint, ORDER_DETAILS, { id: adasOrder }, bob);
    expect(asBob).toMatchObject({ status: 200, data: { order: null } });
    expect(asBob.errors).toBeUndefined();
    const asAda = await graphql(endpoint, ORDER_DETAILS, { id: adasOrder }, ada);
    expect(asAda.data!.order).toMatchObject({ id: adasOrder, payment: { status: 'AUTHORIZED' }, shipment: { status: 'PENDING' } });
    const asAdmin = await graphql(endpoint, ORDER_DETAILS, { id: adasOrder }, admin);
    expect(asAdmin.data!.order).toMatchObject({ id: adasOrder, payment: { status: 'AUTHORIZED' }, shipment: { status: 'PENDING' } });
    const anonymous = await graphql(endpoint, ORDER_DETAILS, { id: adasOrder });
    expect(anonymous.data).toEqual({ order: null });
  });

  it("lists only the caller's own orders and notifications under me, and no me for an anonymous caller", async () => {
    const bobs = await shop.myOrders(bob);
    expect(bobs.data!.me).toEqual({ id: 'auth-bob', orders: { edges: [] }, notifications: { edges: [] } });
    const adas = await shop.myOrders(ada);
    expect(adas.data!.me.orders.edges).toEqual([{ node: { id: adasOrder, status: expect.any(String) } }]);
    expect(adas.data!.me.notifications.edges.length).toBeGreaterThan(0);
    expect((await shop.myOrders('')).data).toEqual({ me: null });
  });

  it("does not let one customer cancel another's order, and says only that there is no such order", async () => {
    const attempt = await shop.cancel(adasOrder, bob);
    expect(attempt.data!.cancelOrder).toEqual({ order: null, errors: [expect.objectContaining({ code: 'ORDER_NOT_FOUND' })] });
  });
});

describe('admin-only mutations', () => {
  const variables = {
    Dispatch: () => ({ orderId: adasOrder }),
    Deliver: () => ({ orderId: adasOrder }),
    Refund: () => ({ input: { orderId: adasOrder, amount: { amount: 1, currency: 'EUR' } } }),
    ReceiveStock: () => ({ input: { productId: adasOrder, warehouseId: 'eu-central', quantity: 1 } }),
    CreateProduct: () => ({ input: { sku: 'AUTH-NOPE', name: 'No', description: 'No.', price: { amount: 1, currency: 'EUR' } } }),
  } as const;

  it.each(Object.keys(variables) as (keyof typeof variables)[])('%s refuses a customer with FORBIDDEN and an anonymous caller with UNAUTHENTICATED', async (name) => {
    const asCustomer = await graphql(endpoint, ops[name]!, variables[name](), ada);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(endpoint, ops[name]!, variables[name]());
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('placeOrder needs a signed-in customer', async () => {
    const anonymous = await shop.placeOrder('', [{ productId: adasOrder, quantity: 1 }]);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('leaves the order as it was after all those refusals', async () => {
    const order = await shop.order(adasOrder, ada);
    expect(order).toMatchObject({ status: 'CONFIRMED', payment: { status: 'AUTHORIZED' }, shipment: { status: 'PENDING' } });
  });
});
