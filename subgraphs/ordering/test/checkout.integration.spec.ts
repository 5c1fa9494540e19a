import { randomUUID } from 'node:crypto';
import { aCustomer, startHarness } from './ordering-harness';
import { aCheckoutInput, addToCart, aShippingQuote, checkout, germanTax, myCart, promotionActivated, send, APPLY_COUPON } from './checkout-operations';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness, germanTax);

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** A customer whose cart holds two mugs (12.99 EUR each) and a teapot (35.00 EUR), and the quote for those lines. */
async function aFilledCart() {
  const customer = aCustomer();
  const [mug, teapot] = await ordering.priceProducts({ name: 'Enamel mug' }, { name: 'Teapot', price: eur(3500) });
  await addToCart(ordering, customer, mug!, 2);
  await addToCart(ordering, customer, teapot!, 1);
  const lines = [
    { productId: mug!, quantity: 2 },
    { productId: teapot!, quantity: 1 },
  ];
  return { customer, mug: mug!, teapot: teapot!, lines, quote: aShippingQuote(lines) };
}

const ordersOf = async (customerId: string) => (await ordering.sql.query('SELECT id FROM orders WHERE customer_id = $1', [customerId])).rowCount;

describe('checkout', () => {
  it('places the cart as an order charging subtotal - discount + shipping + tax, empties the cart, and publishes the breakdown', async () => {
    const { customer, mug, teapot, quote } = await aFilledCart();
    const code = `WELCOME${randomUUID().slice(0, 4).toUpperCase()}`;
    const coupon = promotionActivated({ code, description: '5 € off', kind: 'AMOUNT_OFF', percentOff: null, amountOff: eur(500), productIds: [mug, teapot] });
    await ordering.consumer.handle(coupon);
    await send(ordering, APPLY_COUPON, { code }, customer);
    // 6098 - 500 + 499 = 6097; 19 % tax = 1158.43 -> 1158; total 7255.
    const shown = await myCart(ordering, customer, { country: 'DE', shippingOptionId: quote });
    expect([shown.tax, shown.total]).toEqual([eur(1158), eur(7255)]);

    const placed = await checkout(ordering, customer, aCheckoutInput(quote, 7255));
    expect(placed.errors).toEqual([]);
    expect(placed.order).toMatchObject({
      status: 'PLACED',
      subtotal: eur(6098),
      discount: eur(500),
      shipping: eur(499),
      tax: eur(1158),
      total: eur(7255),
      appliedPromotions: [{ code, description: '5 € off', amount: eur(500) }],
      lines: [
        { product: { id: mug }, name: 'Enamel mug', quantity: 2, unitPrice: eur(1299) },
        { product: { id: teapot }, name: 'Teapot', quantity: 1, unitPrice: eur(3500) },
      ],
    });
    expect(await myCart(ordering, customer)).toMatchObject({ lines: [], coupon: null });
    const [event] = await ordering.outboxOf(placed.order.id);
    expect(event).toMatchObject({
      type: 'ordering.order-placed.v2',
      payload: {
        subtotal: eur(6098),
        discount: eur(500),
        shipping: eur(499),
        tax: eur(1158),
        total: eur(7255),
        appliedPromotions: [{ promotionId: coupon.payload.promotionId, code, description: '5 € off', amount: eur(500) }],
        shippingOption: { carrier: 'DHL', days: 2 },
      },
    });
  });

  it('refuses with TOTAL_CHANGED and the new total when the price changed since the shopper looked, placing nothing', async () => {
    const { customer, mug, quote } = await aFilledCart();
    const seen = (await myCart(ordering, customer, { country: 'DE', shippingOptionId: quote })).total.amount;
    await ordering.sql.query('UPDATE price_list SET price_amount = 1499 WHERE product_id = $1', [mug]);

    const refused = await checkout(ordering, customer, aCheckoutInput(quote, seen));
    // (6498 + 499) x 1.19 = 8326.43 -> 8326.
    expect(refused).toEqual({ order: null, errors: [{ code: 'TOTAL_CHANGED', field: 'expectedTotal', message: expect.stringContaining('€83.26') }], total: eur(8326) });
    expect(await ordersOf(customer.subject)).toBe(0);
    expect((await myCart(ordering, customer)).lines).toHaveLength(2);
    expect((await checkout(ordering, customer, aCheckoutInput(quote, 8326))).errors).toEqual([]);
  });

  it.each([
    ['an expired quote', { expiresAt: new Date(Date.now() - 1000) }, 'SHIPPING_QUOTE_EXPIRED'],
    ['a quote signed by someone else', { secret: 'not-the-shops-secret' }, 'INVALID_SHIPPING_OPTION'],
    ['a quote for another country', { country: 'FR' }, 'SHIPPING_COUNTRY_MISMATCH'],
  ])('refuses %s, placing nothing and keeping the cart', async (_, quoteChange, code) => {
    const { customer, lines } = await aFilledCart();
    const reply = await checkout(ordering, customer, aCheckoutInput(aShippingQuote(lines, quoteChange), 7255));
    expect(reply).toEqual({ order: null, errors: [expect.objectContaining({ code, field: 'shippingOptionId' })], total: null });
    expect(await ordersOf(customer.subject)).toBe(0);
    expect((await myCart(ordering, customer)).lines).toHaveLength(2);
  });

  it('refuses a quote for other lines (the cart changed since), a tampered token, an empty cart and a country without a tax rate', async () => {
    const { customer, mug, lines } = await aFilledCart();
    const stale = aShippingQuote([{ ...lines[0]!, quantity: 1 }, lines[1]!]);
    expect((await checkout(ordering, customer, aCheckoutInput(stale, 1))).errors[0].code).toBe('SHIPPING_QUOTE_STALE');
    expect((await checkout(ordering, customer, aCheckoutInput(`${aShippingQuote(lines)}x`, 1))).errors[0].code).toBe('INVALID_SHIPPING_OPTION');
    const japan = { ...aCheckoutInput(aShippingQuote(lines, { country: 'JP' }), 1), shippingAddress: { name: 'A', line1: '1', line2: null, city: 'Tokyo', postalCode: '100-0001', country: 'JP' } };
    expect((await checkout(ordering, customer, japan)).errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_COUNTRY', field: 'shippingAddress.country' })]);

    const nobody = aCustomer();
    expect((await checkout(ordering, nobody, aCheckoutInput(aShippingQuote([]), 0))).errors).toEqual([expect.objectContaining({ code: 'EMPTY_CART', field: 'cart' })]);
    await ordering.sql.query('UPDATE price_list SET discontinued_at = now() WHERE product_id = $1', [mug]);
    expect((await checkout(ordering, customer, aCheckoutInput(aShippingQuote(lines), 1))).errors[0].code).toBe('PRODUCT_DISCONTINUED');
    expect(await ordersOf(customer.subject)).toBe(0);
  });

  it('gives back the same order for the same idempotency key, also sent eight times at once', async () => {
    const { customer, quote } = await aFilledCart();
    const expected = (await myCart(ordering, customer, { country: 'DE', shippingOptionId: quote })).total.amount;
    const input = aCheckoutInput(quote, expected);
    const replies = await Promise.all(Array.from({ length: 8 }, () => checkout(ordering, customer, input)));
    const ids = new Set(replies.map((reply) => reply.order?.id));
    expect(replies.flatMap((reply) => reply.errors)).toEqual([]);
    expect(ids.size).toBe(1);
    expect(await ordersOf(customer.subject)).toBe(1);
    expect((await checkout(ordering, customer, input)).order.id).toBe([...ids][0]);
    expect((await ordering.outboxOf([...ids][0]!)).map((row) => row.type)).toEqual(['ordering.order-placed.v2']);
  });

  it('totals zero for a 100 % coupon with free shipping, and the order still waits for the redemption', async () => {
    const { customer, mug, teapot, quote } = await aFilledCart();
    const code = `ALL${randomUUID().slice(0, 4).toUpperCase()}`;
    await ordering.consumer.handle(promotionActivated({ code, description: 'All free', percentOff: 100, productIds: [mug, teapot] }));
    await ordering.consumer.handle(promotionActivated({ kind: 'FREE_SHIPPING', percentOff: null, description: 'Free shipping', productIds: [mug] }));
    await send(ordering, APPLY_COUPON, { code }, customer);
    const placed = await checkout(ordering, customer, aCheckoutInput(quote, 0));
    expect(placed.order).toMatchObject({ subtotal: eur(6098), discount: eur(6098), shipping: eur(0), tax: eur(0), total: eur(0) });
    expect(placed.order.appliedPromotions).toEqual([
      { code, description: 'All free', amount: eur(6098) },
      { code: null, description: 'Free shipping', amount: eur(499) },
    ]);
  });
});
