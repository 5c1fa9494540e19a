import { Order } from './order.aggregate';
import { MAX_AMOUNT } from './money.value-object';
import { MUG, TEAPOT, aCheckedRequest, aPricedProduct, now } from './order.test-builders';

const teapot = aPricedProduct({ productId: TEAPOT, sku: 'TEA-1', name: 'Teapot', price: { amount: 3500, currency: 'EUR' } });

function place(lines = [{ productId: MUG, quantity: 2, index: 0 }], priceList = [aPricedProduct(), teapot]) {
  return Order.place({ id: 'order-1', customerId: 'customer-1', request: aCheckedRequest({ lines }), priceList, now });
}

describe('placing an order', () => {
  it('snapshots each line’s name and unit price, totals the lines, starts PLACED and records OrderPlaced with the token', () => {
    const placed = place([
      { productId: MUG, quantity: 2, index: 0 },
      { productId: TEAPOT, quantity: 1, index: 1 },
    ]);
    if (!placed.ok) throw new Error(placed.error.message);
    const state = placed.value.snapshot();
    expect(state.status).toBe('PLACED');
    expect(state.lines.map((line) => ({ ...line, unitPrice: line.unitPrice.toJSON() }))).toEqual([
      { productId: MUG, name: 'Enamel mug', quantity: 2, unitPrice: { amount: 1299, currency: 'EUR' } },
      { productId: TEAPOT, name: 'Teapot', quantity: 1, unitPrice: { amount: 3500, currency: 'EUR' } },
    ]);
    expect(state.total.toJSON()).toEqual({ amount: 2 * 1299 + 3500, currency: 'EUR' });
    expect(state.statusReason).toBeNull();
    expect(placed.value.pullEvents()).toEqual([{ type: 'OrderPlaced', aggregateId: 'order-1', occurredAt: now, paymentToken: 'tok_visa' }]);
  });

  it('keeps the price it was placed at when the price list changes afterwards', () => {
    const priceList = [aPricedProduct()];
    const placed = place(undefined, priceList);
    priceList[0]!.price.amount = 9999;
    expect(placed.ok && placed.value.snapshot().total.amount).toBe(2598);
  });

  it('may total zero for free products, and never less', () => {
    const placed = place(undefined, [aPricedProduct({ price: { amount: 0, currency: 'EUR' } })]);
    expect(placed.ok && placed.value.snapshot().total.toJSON()).toEqual({ amount: 0, currency: 'EUR' });
  });

  it.each([
    ['a product the price list does not hold', [aPricedProduct({ productId: TEAPOT })], 'UNKNOWN_PRODUCT', 'lines.0.productId'],
    ['a discontinued product', [aPricedProduct({ discontinuedAt: now })], 'PRODUCT_DISCONTINUED', 'lines.0.productId'],
  ])('refuses %s, naming the line', (_, priceList, code, field) => {
    expect(place(undefined, priceList)).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
  });

  it('names the request’s own line position when refusing a later line', () => {
    const lines = [
      { productId: MUG, quantity: 1, index: 0 },
      { productId: TEAPOT, quantity: 1, index: 3 },
    ];
    expect(place(lines, [aPricedProduct()])).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_PRODUCT', field: 'lines.3.productId' }) });
  });

  it('refuses a mix of currencies with a typed error', () => {
    const lines = [
      { productId: MUG, quantity: 1, index: 0 },
      { productId: TEAPOT, quantity: 1, index: 1 },
    ];
    const dollars = { ...teapot, price: { amount: 3500, currency: 'USD' } };
    expect(place(lines, [aPricedProduct(), dollars])).toEqual({ ok: false, error: expect.objectContaining({ code: 'MIXED_CURRENCIES', field: 'lines.1.productId' }) });
  });

  it('refuses a total larger than an amount can hold', () => {
    const expensive = aPricedProduct({ price: { amount: MAX_AMOUNT, currency: 'EUR' } });
    expect(place(undefined, [expensive])).toEqual({ ok: false, error: expect.objectContaining({ code: 'ORDER_TOO_LARGE' }) });
    expect(place([{ productId: MUG, quantity: 1, index: 0 }], [expensive]).ok).toBe(true);
  });
});
