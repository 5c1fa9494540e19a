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

// Rounds of a few orders each: a whole round races at once, while the system's connection pools
// (about a dozen per context) stay within what one PostgreSQL server shared by other runs allows.
const ROUNDS = 3;
const PER_ROUND = 8;
const UNITS = 2;

const cancelled = (o: OrderView) => o.status === 'CANCELLED' && o.shipment?.status === 'CANCELLED' && o.payment?.status === 'VOIDED';
const shipped = (o: OrderView) => o.status === 'SHIPPED' && o.shipment?.status === 'DISPATCHED' && o.payment?.status === 'CAPTURED';

/** One round: orders confirmed, then each order's cancellation and dispatch at the same moment; the answers and where each order ends. */
async function raceOneRound(round: number, productId: string) {
  const customers = await Promise.all(Array.from({ length: PER_ROUND }, (_, i) => system.token(`race-${round}-customer-${i}`)));
  const orders = await Promise.all(customers.map(async (token) => ({ token, id: await shop.placeOrderOnceSellable(token, [{ productId, quantity: UNITS }]) })));
  // Waited for one at a time: many pollers at once would load the machine more than the saga does.
  for (const { id, token } of orders) await shop.orderWhen(id, token, (o) => o.status === 'CONFIRMED' && o.shipment?.status === 'PENDING', 'a shipment to dispatch');

  // Each order's cancellation follows its dispatch by 0 to 1,050 ms, so that some arrive while the
  // dispatch request is still on its way to ordering and some after ordering agreed.
  const answers = await Promise.all(
    orders.map(async ({ id, token }, i) => {
      const later = new Promise((resolve) => setTimeout(resolve, i * 150)).then(() => shop.cancel(id, token));
      const [dispatch, cancel] = await Promise.all([shop.adminOperation('Dispatch', { orderId: id }), later]);
      if (!dispatch.data || !cancel.data) throw new Error(`Unexpected errors: ${JSON.stringify([dispatch.errors, cancel.errors])}`);
      return { cancelErrors: cancel.data.cancelOrder.errors as { code: string }[], dispatch: dispatch.data.dispatchShipment };
    }),
  );
  const finals: OrderView[] = [];
  for (const { id, token } of orders) finals.push(await shop.orderWhen(id, token, (o) => cancelled(o) || shipped(o), 'the race to settle in every context'));
  return finals.map((order, i) => ({ order, ...answers[i]! }));
}

it('ends every order cancelled or shipped, in ordering, shipping, payments and inventory alike, with nothing in any failed set', async () => {
  const initialStock = ROUNDS * PER_ROUND * UNITS + 10;
  const productId = await shop.stockedProduct('RACE-DISPATCH', initialStock);
  const outcomes = [];
  for (let round = 0; round < ROUNDS; round += 1) outcomes.push(...(await raceOneRound(round, productId)));

  for (const { order, cancelErrors, dispatch } of outcomes) {
    if (order.status === 'CANCELLED') {
      // The cancellation came first: the dispatch was refused, or asked and never agreed to.
      expect(cancelErrors).toEqual([]);
      expect(dispatch.errors.length === 1 ? dispatch.errors[0].code : dispatch.shipment.status).toMatch(/^(NOT_DISPATCHABLE|DISPATCH_REQUESTED)$/);
    } else {
      // The dispatch was agreed first: the cancellation was refused, saying why.
      expect(cancelErrors).toEqual([{ code: 'NOT_CANCELLABLE', message: expect.any(String) }]);
      expect(dispatch).toMatchObject({ shipment: { status: 'DISPATCH_REQUESTED' }, errors: [] });
    }
  }

  const shippedUnits = outcomes.filter(({ order }) => shipped(order)).length * UNITS;
  const stock = await eventually(async () => {
    const now = await shop.stockOf(productId);
    return now.reserved === 0 && now.onHand === initialStock - shippedUnits ? now : undefined;
  }, 'inventory to release the cancelled orders and deduct the shipped ones');
  expect(stock).toEqual({ onHand: initialStock - shippedUnits, reserved: 0, available: initialStock - shippedUnits });
  expect(await listFailedEvents(system.events)).toEqual([]);
});
