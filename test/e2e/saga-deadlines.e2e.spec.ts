import { Client } from 'pg';
import { listFailedEvents, retryFailedEvents } from '@storefront/messaging';
import { eventually } from '../support/event-bus';
import { Storefront } from '../support/storefront-customer';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(120_000);

/**
 * A payment provider outage longer than the retry budget: payments gives up on authorizing after
 * two attempts here (the test provider fails twice for `tok_processingError`), so the stock-reserved job
 * lands in payments' failed set, and the order waits for its payment. Ordering's deadline for that
 * is three seconds here: the order is cancelled, and everything the saga did for it is undone.
 */
let system: RunningSystem;
let shop: Storefront;
let customer: string;

beforeAll(async () => {
  system = await startSystem({
    ordering: { sagaDeadlines: { PLACED: 600_000, AWAITING_PAYMENT: 3_000, AWAITING_PROMOTIONS: 600_000 }, deadlineSweepMs: 100 },
    // A job's attempts are set by the relay that publishes it: inventory's, for stock-reserved.
    inventory: { events: { attempts: 2 } },
  });
  shop = new Storefront(`${system.gatewayUrl}/graphql`, await system.token('admin-1', ['customer', 'admin']));
  customer = await system.token('customer-outage');
});
afterAll(() => system?.stop());

/** The test provider's books: every authorization it gave, and every void. */
async function providerBooks(): Promise<{ kind: string; reference: string | null; outcome: string | null }[]> {
  const sql = new Client({ connectionString: system.databaseUrl('payments') });
  await sql.connect();
  try {
    return (await sql.query('SELECT kind, reference, outcome FROM test_provider_operations ORDER BY created_at')).rows;
  } finally {
    await sql.end();
  }
}

it('cancels an order whose payment is not authorized by its deadline: stock released, payment voided, customer told; a retried authorization holds no money', async () => {
  const kettle = await shop.stockedProduct('OUTAGE-KETTLE', 5);
  const id = await shop.placeOrderOnceSellable(customer, [{ productId: kettle, quantity: 2 }], { paymentToken: 'tok_processingError' });

  const cancelled = await shop.orderWhen(id, customer, (o) => o.status === 'CANCELLED' && o.payment?.status === 'VOIDED', 'the deadline to cancel the order');
  expect(cancelled).toMatchObject({
    statusReason: { code: 'PAYMENT_TIMED_OUT', message: 'The payment could not be authorized within 3 seconds.' },
    waitingUntil: null,
    shipment: null,
  });
  await eventually(async () => ((await shop.stockOf(kettle)).reserved === 0 ? true : undefined), 'the reservation to be released');
  expect(await shop.stockOf(kettle)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  const told = await eventually(async () => {
    const kinds = (await shop.myOrders(customer)).data!.me.notifications.edges.map((edge: { node: { kind: string; message: string } }) => edge.node);
    return kinds.some((node: { kind: string }) => node.kind === 'ORDER_CANCELLED') ? kinds : undefined;
  }, 'the customer to be told');
  expect(told).toContainEqual({
    kind: 'ORDER_CANCELLED',
    message: 'Sorry, we had to cancel your order: the payment could not be authorized within 3 seconds. You have not been charged.',
  });

  // The outage is what the failed set holds: payments' stock-reserved, and nothing else.
  const failed = await listFailedEvents(system.events);
  expect(failed.map(({ queue, type }) => ({ queue, type }))).toEqual([{ queue: 'payments', type: 'inventory.stock-reserved.v1' }]);
  // The provider is back and someone retries it (`pnpm events retry`): the order stays cancelled,
  // and no authorization is left standing.
  expect(await retryFailedEvents(system.events, 'all')).toBe(1);
  await eventually(async () => ((await listFailedEvents(system.events)).length === 0 ? true : undefined), 'the retried job to finish');
  const books = await providerBooks();
  const authorized = books.filter((entry) => entry.kind === 'authorize' && entry.outcome === 'AUTHORIZED').map((entry) => entry.reference);
  const voided = books.filter((entry) => entry.kind === 'void' && entry.outcome === 'VOIDED').map((entry) => entry.reference);
  expect(authorized.filter((reference) => !voided.includes(reference))).toEqual([]);
  expect(books.filter((entry) => entry.kind === 'capture')).toEqual([]);
  expect(await shop.order(id, customer)).toMatchObject({ status: 'CANCELLED', payment: { status: 'VOIDED' } });
});
