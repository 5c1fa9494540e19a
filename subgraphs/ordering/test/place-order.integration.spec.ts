import { randomUUID } from 'node:crypto';
import { aCustomer, startHarness } from './ordering-harness';
import { PLACE_ORDER, anOrderInput, placeOrder } from './ordering-operations';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

const ordersOf = async (customerId: string) =>
  (await ordering.sql.query('SELECT id FROM orders WHERE customer_id = $1', [customerId])).rows.map((row: { id: string }) => row.id);

describe('placeOrder', () => {
  it('places the order PLACED, priced from the price list, with order-placed in the outbox', async () => {
    const customer = aCustomer();
    const [mug, teapot] = await ordering.priceProducts({ name: 'Enamel mug', price: { amount: 1299, currency: 'EUR' } }, { name: 'Teapot', price: { amount: 3500, currency: 'EUR' } });
    const input = anOrderInput([mug!, teapot!], { lines: [{ productId: mug!, quantity: 2 }, { productId: teapot!, quantity: 1 }], contactEmail: ' ada@example.com ' });

    const payload = await placeOrder(ordering, customer, input);

    expect(payload.errors).toEqual([]);
    const order = payload.order;
    expect(order).toEqual({
      id: expect.any(String),
      status: 'PLACED',
      statusReason: null,
      total: { amount: 6098, currency: 'EUR', formatted: '€60.98' },
      placedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      customer: { id: customer.subject },
      lines: [
        { product: { id: mug }, name: 'Enamel mug', quantity: 2, unitPrice: { amount: 1299, currency: 'EUR' }, lineTotal: { amount: 2598, currency: 'EUR' } },
        { product: { id: teapot }, name: 'Teapot', quantity: 1, unitPrice: { amount: 3500, currency: 'EUR' }, lineTotal: { amount: 3500, currency: 'EUR' } },
      ],
      shippingAddress: { ...input.shippingAddress },
      contactEmail: 'ada@example.com',
    });
    expect(await ordering.outboxOf(order.id)).toEqual([
      {
        type: 'ordering.order-placed.v2',
        aggregate_id: order.id,
        correlation_id: order.id,
        causation_id: null,
        payload: {
          orderId: order.id,
          customerId: customer.subject,
          lines: [
            { productId: mug, quantity: 2, name: 'Enamel mug', unitPrice: { amount: 1299, currency: 'EUR' } },
            { productId: teapot, quantity: 1, name: 'Teapot', unitPrice: { amount: 3500, currency: 'EUR' } },
          ],
          total: { amount: 6098, currency: 'EUR' },
          contactEmail: 'ada@example.com',
          shippingAddress: input.shippingAddress,
          paymentToken: 'tok_visa',
          // placeOrder charges the lines only: no discount, shipping or tax.
          subtotal: { amount: 6098, currency: 'EUR' },
          discount: { amount: 0, currency: 'EUR' },
          shipping: { amount: 0, currency: 'EUR' },
          tax: { amount: 0, currency: 'EUR' },
          appliedPromotions: [],
          shippingOption: null,
        },
      },
    ]);
  });

  it('refuses bad input with typed errors naming the field, and writes nothing', async () => {
    const customer = aCustomer();
    const [mug] = await ordering.priceProducts({});
    const [discontinued] = await ordering.priceProducts({});
    await ordering.sql.query('UPDATE price_list SET discontinued_at = now(), catalog_version = 1 WHERE product_id = $1', [discontinued]);
    const [dollars] = await ordering.priceProducts({ price: { amount: 100, currency: 'USD' } });
    const valid = anOrderInput([mug!]);
    const address = (change: object) => ({ shippingAddress: { ...valid.shippingAddress, ...change } });
    const refusals = [
      [{ idempotencyKey: '  ' }, 'IDEMPOTENCY_KEY_REQUIRED', 'idempotencyKey'],
      [{ lines: [] }, 'EMPTY_ORDER', 'lines'],
      [{ lines: [{ productId: mug!, quantity: 1 }, { productId: mug!, quantity: 0 }] }, 'INVALID_QUANTITY', 'lines.1.quantity'],
      [{ lines: [{ productId: randomUUID(), quantity: 1 }] }, 'UNKNOWN_PRODUCT', 'lines.0.productId'],
      [{ lines: [{ productId: 'not-a-product', quantity: 1 }] }, 'UNKNOWN_PRODUCT', 'lines.0.productId'],
      [{ lines: [{ productId: mug!, quantity: 1 }, { productId: discontinued!, quantity: 1 }] }, 'PRODUCT_DISCONTINUED', 'lines.1.productId'],
      [{ lines: [{ productId: mug!, quantity: 1 }, { productId: dollars!, quantity: 1 }] }, 'MIXED_CURRENCIES', 'lines.1.productId'],
      [address({ line1: ' ' }), 'INVALID_ADDRESS', 'shippingAddress.line1'],
      [address({ country: 'Germany' }), 'INVALID_COUNTRY', 'shippingAddress.country'],
      [{ contactEmail: 'ada' }, 'INVALID_EMAIL', 'contactEmail'],
      [{ paymentToken: '' }, 'MISSING_PAYMENT_TOKEN', 'paymentToken'],
    ] as const;
    for (const [change, code, field] of refusals) {
      const payload = await placeOrder(ordering, customer, { ...valid, ...change });
      expect({ change, payload }).toEqual({ change, payload: { order: null, errors: [{ code, field, message: expect.any(String) }] } });
    }
    expect(await ordersOf(customer.subject)).toEqual([]);
  });

  it('merges lines of one product into one line', async () => {
    const [mug] = await ordering.priceProducts({});
    const input = anOrderInput([mug!], { lines: [{ productId: mug!, quantity: 1 }, { productId: mug!, quantity: 2 }] });
    const { order } = await placeOrder(ordering, aCustomer(), input);
    expect(order.lines).toEqual([expect.objectContaining({ product: { id: mug }, quantity: 3, lineTotal: { amount: 3897, currency: 'EUR' } })]);
  });

  it('is for signed-in customers only; anonymous callers are UNAUTHENTICATED, unsigned requests refused', async () => {
    const [mug] = await ordering.priceProducts({});
    const anonymous = await ordering.request(PLACE_ORDER, { input: anOrderInput([mug!]) }, null);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unsigned = await ordering.request(PLACE_ORDER, { input: anOrderInput([mug!]) }, 'unsigned');
    expect(unsigned.status).toBe(401);
    const { rows } = await ordering.sql.query("SELECT count(*)::int AS n FROM order_lines WHERE product_id = $1", [mug]);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('the idempotency key', () => {
  it('gives back the first order when the same customer sends it again, even with other lines', async () => {
    const customer = aCustomer();
    const [mug, teapot] = await ordering.priceProducts({}, {});
    const first = await placeOrder(ordering, customer, anOrderInput([mug!], { idempotencyKey: 'checkout-1' }));
    const again = await placeOrder(ordering, customer, anOrderInput([teapot!], { idempotencyKey: 'checkout-1' }));
    expect(again).toEqual(first);
    expect(await ordersOf(customer.subject)).toEqual([first.order.id]);
    expect(await ordering.outboxOf(first.order.id)).toHaveLength(1);
  });

  it('places one order when ten requests with one key race', async () => {
    const customer = aCustomer();
    const [mug] = await ordering.priceProducts({});
    const input = anOrderInput([mug!]);
    const payloads = await Promise.all(Array.from({ length: 10 }, () => placeOrder(ordering, customer, input)));
    const ids = new Set(payloads.map((payload) => payload.order?.id));
    expect(payloads.flatMap((payload) => payload.errors)).toEqual([]);
    expect(ids.size).toBe(1);
    expect(await ordersOf(customer.subject)).toEqual([...ids]);
    expect(await ordering.outboxOf([...ids][0]!)).toHaveLength(1);
  });

  it('is the customer’s own: another customer’s order with the same key is another order', async () => {
    const [mug] = await ordering.priceProducts({});
    const input = anOrderInput([mug!], { idempotencyKey: 'shared-key' });
    const [one, other] = [aCustomer(), aCustomer()];
    const first = await placeOrder(ordering, one, input);
    const second = await placeOrder(ordering, other, input);
    expect(second.order.id).not.toBe(first.order.id);
    expect(second.order.customer).toEqual({ id: other.subject });
  });
});
