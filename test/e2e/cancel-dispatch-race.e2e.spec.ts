import { listFailedEvents } from '@storefront/messaging';
import { eventually } from '../support/event-bus';
import { Storefront, type OrderView } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(240_000);

/**
 * A customer cancels a confirmed order while an admin dispatches it, both at the same moment, for
 * many orders at once. Ordering decides which came first (it agrees to a dispatch only while the
 * order stands, and refuses a cancellation once it agreed), so every order ends one way or the
 * other in every context, and no event is left that no context can handle.
 */
let system: RunningSystem;
let shop: Storefront;

beforeAll(async () => {
  system = await startSystem();
  shop = new Storefront(`${system.gatewayUrl}/graphql`, await system.token('admin-1', ['customer', 'admin']));
});
afterAll(() => system?.stop());

const ORDERS = 20;
const UNITS = 2;

const cancelled = (o: OrderView) => o.status === 'CANCELLED' && o.shipment?.status === 'CANCELLED' && o.payment?.status === 'VOIDED';
const shipped = (o: OrderView) => o.status === 'SHIPPED' && o.shipment?.status === 'DISPATCHED' && o.payment?.status === 'CAPTURED';

it('ends every order cancelled or shipped, in ordering, shipping, payments and inventory alike, with nothing in any failed set', async () => {
  const initialStock = ORDERS * UNITS + 10;
  const productId = await shop.stockedProduct('RACE-DISPATCH', initialStock);
  const customers = await Promise.all(Array.from({ length: ORDERS }, (_, i) => system.token(`race-customer-${i}`)));
  const orders = await Promise.all(
    customers.map(async (token) => ({ token, id: await shop.placeOrderOnceSellable(token, [{ productId, quantity: UNITS }]) })),
  );
  // Waited for one at a time: two dozen pollers at once would load the machine more than the saga does.
  for (const { id, token } of orders) await shop.orderWhen(id, token, (o) => o.status === 'CONFIRMED' && o.shipment?.status === 'PENDING', 'a shipment to dispatch');

  // All orders at once; each order's cancellation follows its dispatch by 0 to 760 ms, so that some
  // arrive while the dispatch request is still on its way to ordering and some after ordering agreed.
  const answers = await Promise.all(
    orders.map(async ({ id, token }, i) => {
      const later = new Promise((resolve) => setTimeout(resolve, i * 40)).then(() => shop.cancel(id, token));
      const [dispatch, cancel] = await Promise.all([shop.adminOperation('Dispatch', { orderId: id }), later]);
      return { cancelErrors: cancel.data!.cancelOrder.errors as { code: string }[], dispatch: dispatch.data!.dispatchShipment };
    }),
  );

  const finals: OrderView[] = [];
  for (const { id, token } of orders) finals.push(await shop.orderWhen(id, token, (o) => cancelled(o) || shipped(o), 'the race to settle in every context'));
  finals.forEach((order, i) => {
    const { cancelErrors, dispatch } = answers[i]!;
    if (order.status === 'CANCELLED') {
      // The cancellation came first: the dispatch was refused, or asked and never agreed to.
      expect(cancelErrors).toEqual([]);
      expect(dispatch.errors.length === 1 ? dispatch.errors[0].code : dispatch.shipment.status).toMatch(/^(NOT_DISPATCHABLE|DISPATCH_REQUESTED)$/);
    } else {
      // The dispatch was agreed first: the cancellation was refused, saying why.
      expect(cancelErrors).toEqual([{ code: 'NOT_CANCELLABLE', message: expect.any(String) }]);
      expect(dispatch).toMatchObject({ shipment: { status: 'DISPATCH_REQUESTED' }, errors: [] });
    }
  });

  const shippedUnits = finals.filter(shipped).length * UNITS;
  const stock = await eventually(async () => {
    const now = await shop.stockOf(productId);
    return now.reserved === 0 && now.onHand === initialStock - shippedUnits ? now : undefined;
  }, 'inventory to release the cancelled orders and deduct the shipped ones');
  expect(stock).toEqual({ onHand: initialStock - shippedUnits, reserved: 0, available: initialStock - shippedUnits });
  expect(await listFailedEvents(system.events)).toEqual([]);
});
