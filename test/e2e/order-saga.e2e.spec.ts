import { eventually } from '../support/event-bus';
import { Storefront } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(120_000);

/** The order saga across ordering, inventory, payments, shipping and notifications, through the gateway. */
let system: RunningSystem;
let shop: Storefront;
let admin: string;
let ada: string;
let bob: string;

beforeAll(async () => {
  system = await startSystem();
  admin = await system.token('admin-1', ['customer', 'admin']);
  ada = await system.token('customer-ada');
  bob = await system.token('customer-bob');
  shop = new Storefront(`${system.gatewayUrl}/graphql`, admin);
});
afterAll(() => system?.stop());

describe('an order', () => {
  it('goes from placeOrder to DELIVERED: stock reserved then deducted, payment authorized then captured, the customer told each step', async () => {
    const mug = await shop.stockedProduct('SAGA-MUG', 10, 1299);
    const lamp = await shop.stockedProduct('SAGA-LAMP', 4, 4500);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: mug, quantity: 2 }, { productId: lamp, quantity: 1 }]);

    const confirmed = await shop.orderWhen(id, ada, (o) => o.status === 'CONFIRMED' && o.shipment?.status === 'PENDING', 'the order to be confirmed with a shipment');
    expect(confirmed).toMatchObject({
      total: { amount: 2 * 1299 + 4500, currency: 'EUR' },
      payment: { status: 'AUTHORIZED', amount: { amount: 7098 } },
      lines: expect.arrayContaining([
        { product: { id: mug, name: 'Product SAGA-MUG' }, quantity: 2, unitPrice: { amount: 1299 }, lineTotal: { amount: 2598 } },
        { product: { id: lamp, name: 'Product SAGA-LAMP' }, quantity: 1, unitPrice: { amount: 4500 }, lineTotal: { amount: 4500 } },
      ]),
    });
    expect(await shop.stockOf(mug)).toEqual({ onHand: 10, reserved: 2, available: 8 });

    const dispatched = await shop.adminOperation('Dispatch', { orderId: id });
    // Labelled at once; it leaves when ordering agrees the order still stands.
    expect(dispatched.data!.dispatchShipment).toMatchObject({ shipment: { status: 'DISPATCH_REQUESTED', carrier: expect.any(String), trackingNumber: expect.any(String) }, errors: [] });
    await shop.orderWhen(
      id,
      ada,
      (o) => o.status === 'SHIPPED' && o.shipment?.status === 'DISPATCHED' && o.payment?.status === 'CAPTURED',
      'the order to ship and the payment to be captured',
    );
    const deliver = await shop.adminOperation('Deliver', { orderId: id });
    expect(deliver.data!.confirmDelivery).toEqual({ shipment: { status: 'DELIVERED' }, errors: [] });
    await shop.orderWhen(id, ada, (o) => o.status === 'DELIVERED', 'the order to be delivered');

    expect(await shop.stockOf(mug)).toEqual({ onHand: 8, reserved: 0, available: 8 });
    expect(await shop.stockOf(lamp)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    const mine = await eventually(async () => {
      const result = await shop.myOrders(ada);
      const kinds = result.data!.me.notifications.edges.map((edge: { node: { kind: string } }) => edge.node.kind);
      return kinds.length === 4 ? result.data!.me : undefined;
    }, 'four notifications');
    expect(mine.orders.edges).toContainEqual({ node: { id, status: 'DELIVERED' } });
    expect(mine.notifications.edges.map((edge: { node: { kind: string } }) => edge.node.kind).sort()).toEqual(['ORDER_CONFIRMED', 'ORDER_DELIVERED', 'ORDER_RECEIVED', 'ORDER_SHIPPED']);
  });

  it('is cancelled when the payment is declined, and exactly the reserved units come back', async () => {
    const kettle = await shop.stockedProduct('SAGA-KETTLE', 6);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: kettle, quantity: 4 }], { paymentToken: 'tok_chargeDeclined' });
    const cancelled = await shop.orderWhen(id, ada, (o) => o.status === 'CANCELLED', 'the order to be cancelled');
    expect(cancelled.payment).toMatchObject({ status: 'DECLINED' });
    await eventually(async () => ((await shop.stockOf(kettle)).reserved === 0 ? true : undefined), 'the reservation to be released');
    expect(await shop.stockOf(kettle)).toEqual({ onHand: 6, reserved: 0, available: 6 });
  });

  it('cancelled by the customer after confirmation voids the payment, releases the stock and cancels the shipment', async () => {
    const tent = await shop.stockedProduct('SAGA-TENT', 3);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: tent, quantity: 2 }]);
    await shop.orderWhen(id, ada, (o) => o.status === 'CONFIRMED' && o.shipment?.status === 'PENDING', 'confirmation');
    const cancel = await shop.cancel(id, ada);
    expect(cancel.data!.cancelOrder).toEqual({ order: { id, status: 'CANCELLED' }, errors: [] });
    await shop.orderWhen(id, ada, (o) => o.payment?.status === 'VOIDED' && o.shipment?.status === 'CANCELLED', 'the void and the cancelled shipment');
    await eventually(async () => ((await shop.stockOf(tent)).reserved === 0 ? true : undefined), 'the release');
    expect(await shop.stockOf(tent)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect((await shop.adminOperation('Dispatch', { orderId: id })).data!.dispatchShipment.errors).toEqual([expect.objectContaining({ code: 'NOT_DISPATCHABLE' })]);
  });

  it('is placed once for one idempotency key, however often it is sent', async () => {
    const pen = await shop.stockedProduct('SAGA-PEN', 50);
    await shop.placeOrderOnceSellable(bob, [{ productId: pen, quantity: 1 }]);
    const key = 'bob-checkout-0001';
    const attempts = await Promise.all(Array.from({ length: 5 }, () => shop.placeOrder(bob, [{ productId: pen, quantity: 3 }], { idempotencyKey: key })));
    const ids = new Set(attempts.map((attempt) => attempt.data!.placeOrder.order.id));
    expect(ids.size).toBe(1);
    const again = await shop.placeOrder(bob, [{ productId: pen, quantity: 3 }], { idempotencyKey: key });
    expect(again.data!.placeOrder.order.id).toBe([...ids][0]);
  });

  it('never oversells: twelve customers racing for the last five units give five reservations and seven rejections', async () => {
    const lantern = await shop.stockedProduct('SAGA-LAST-FIVE', 5);
    await shop.placeOrderOnceSellable(ada, [{ productId: lantern, quantity: 1 }]).then((id) => shop.cancel(id, ada));
    await eventually(async () => ((await shop.stockOf(lantern)).reserved === 0 ? true : undefined), 'the probe order to be released');
    const customers = await Promise.all(Array.from({ length: 12 }, (_, i) => system.token(`racer-${i}`)));
    const placed = await Promise.all(customers.map((customer) => shop.placeOrder(customer, [{ productId: lantern, quantity: 1 }])));
    const orders = placed.map((result, i) => ({ id: result.data!.placeOrder.order.id as string, token: customers[i]! }));
    const finals = await Promise.all(orders.map(({ id, token }) => shop.orderWhen(id, token, (o) => ['CONFIRMED', 'REJECTED'].includes(o.status), 'a decision')));
    const statuses = finals.map((order) => order.status).sort();
    expect(statuses).toEqual([...Array(5).fill('CONFIRMED'), ...Array(7).fill('REJECTED')]);
    expect(await shop.stockOf(lantern)).toEqual({ onHand: 5, reserved: 5, available: 0 });
  });

  it('is refunded in part, never above what was captured', async () => {
    const chair = await shop.stockedProduct('SAGA-CHAIR', 2, 8000);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: chair, quantity: 1 }]);
    await shop.orderWhen(id, ada, (o) => o.shipment?.status === 'PENDING', 'a shipment to dispatch');
    await shop.adminOperation('Dispatch', { orderId: id });
    await shop.orderWhen(id, ada, (o) => o.payment?.status === 'CAPTURED', 'the capture');
    const tooMuch = await shop.adminOperation('Refund', { input: { orderId: id, amount: { amount: 8001, currency: 'EUR' } } });
    expect(tooMuch.data!.refundPayment).toMatchObject({ payment: null, errors: [expect.objectContaining({ code: 'REFUND_EXCEEDS_CAPTURED' })] });
    const part = await shop.adminOperation('Refund', { input: { orderId: id, amount: { amount: 3000, currency: 'EUR' } } });
    expect(part.data!.refundPayment).toMatchObject({ payment: { status: 'PARTIALLY_REFUNDED' }, errors: [] });
    const rest = await shop.adminOperation('Refund', { input: { orderId: id, amount: { amount: 5001, currency: 'EUR' } } });
    expect(rest.data!.refundPayment.errors).toEqual([expect.objectContaining({ code: 'REFUND_EXCEEDS_CAPTURED' })]);
  });

  it("is visible to its customer and admins only: another customer gets nothing, not an error", async () => {
    const cup = await shop.stockedProduct('SAGA-CUP', 5);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: cup, quantity: 1 }]);
    expect(await shop.order(id, bob)).toBeNull();
    expect((await shop.order(id, admin))?.id).toBe(id);
    expect((await shop.order(id, ada))?.id).toBe(id);
    const bobs = await shop.myOrders(bob);
    expect(bobs.data!.me.orders.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(id);
    expect((await shop.cancel(id, bob)).data!.cancelOrder.errors).toEqual([expect.objectContaining({ code: 'ORDER_NOT_FOUND' })]);
  });
});
