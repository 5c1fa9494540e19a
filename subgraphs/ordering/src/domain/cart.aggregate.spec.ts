import { MAX_CART_LINES } from './cart.aggregate';
import { aCart, aCoupon, productNo } from './cart.test-builders';
import { MUG, TEAPOT, aPricedProduct, now } from './order.test-builders';

const mug = aPricedProduct();
const teapot = aPricedProduct({ productId: TEAPOT, name: 'Teapot', price: { amount: 3500, currency: 'EUR' } });
const refused = (code: string, field: string) => ({ ok: false, error: expect.objectContaining({ code, field }) });

describe('the cart', () => {
  it('adds a product as a line, and more of it to the same line', () => {
    const cart = aCart();
    expect(cart.add(MUG, 2, mug).ok).toBe(true);
    expect(cart.add(TEAPOT, 1, teapot).ok).toBe(true);
    expect(cart.add(MUG, 3, mug).ok).toBe(true);
    expect(cart.snapshot()).toMatchObject({ lines: [{ productId: MUG, quantity: 5 }, { productId: TEAPOT, quantity: 1 }], currency: 'EUR' });
  });

  it('sets a line’s quantity, and removes the line at 0 (the currency goes with the last line)', () => {
    const cart = aCart([{ productId: MUG, quantity: 2 }]);
    expect(cart.updateLine(MUG, 7, mug).ok).toBe(true);
    expect(cart.snapshot().lines).toEqual([{ productId: MUG, quantity: 7 }]);
    expect(cart.updateLine(MUG, 0, mug).ok).toBe(true);
    expect(cart.snapshot()).toMatchObject({ lines: [], currency: null });
    expect(cart.isEmpty).toBe(true);
  });

  it.each([
    ['no units', 0],
    ['a negative quantity', -1],
    ['half a unit', 1.5],
    ['1001 units', 1001],
  ])('refuses to add %s', (_, quantity) => {
    const cart = aCart();
    expect(cart.add(MUG, quantity, mug)).toEqual(refused('INVALID_QUANTITY', 'quantity'));
    expect(cart.isEmpty).toBe(true);
  });

  it('refuses more than 1,000 units on one line, added up', () => {
    const cart = aCart([{ productId: MUG, quantity: 999 }]);
    expect(cart.add(MUG, 2, mug)).toEqual(refused('INVALID_QUANTITY', 'quantity'));
    expect(cart.updateLine(MUG, 1001, mug)).toEqual(refused('INVALID_QUANTITY', 'quantity'));
    expect(cart.add(MUG, 1, mug).ok).toBe(true);
  });

  it(`holds at most ${MAX_CART_LINES} lines, and still takes more of a product it holds`, () => {
    const cart = aCart();
    for (let n = 1; n <= MAX_CART_LINES; n += 1) expect(cart.add(productNo(n).productId, 1, productNo(n)).ok).toBe(true);
    const oneMore = productNo(MAX_CART_LINES + 1);
    expect(cart.add(oneMore.productId, 1, oneMore)).toEqual(refused('TOO_MANY_LINES', 'productId'));
    expect(cart.add(productNo(1).productId, 1, productNo(1)).ok).toBe(true);
    expect(cart.snapshot().lines).toHaveLength(MAX_CART_LINES);
  });

  it.each([
    ['a product the price list does not hold', null, 'UNKNOWN_PRODUCT'],
    ['a discontinued product', aPricedProduct({ discontinuedAt: now }), 'PRODUCT_DISCONTINUED'],
  ])('refuses %s', (_, product, code) => {
    const cart = aCart();
    expect(cart.add(MUG, 1, product)).toEqual(refused(code, 'productId'));
    expect(cart.updateLine(MUG, 1, product)).toEqual(refused(code, 'productId'));
    expect(cart.isEmpty).toBe(true);
  });

  it('keeps to one currency', () => {
    const cart = aCart([{ productId: MUG, quantity: 1 }]);
    const dollars = aPricedProduct({ productId: TEAPOT, price: { amount: 3500, currency: 'USD' } });
    expect(cart.add(TEAPOT, 1, dollars)).toEqual(refused('MIXED_CURRENCIES', 'productId'));
    cart.updateLine(MUG, 0, mug);
    expect(cart.add(TEAPOT, 1, dollars).ok).toBe(true);
    expect(cart.snapshot().currency).toBe('USD');
  });

  it('applies one coupon by its code in any case, replacing the one before, and removes it', () => {
    const cart = aCart();
    expect(cart.applyCoupon(' welcome5 ', aCoupon('WELCOME5')).ok).toBe(true);
    expect(cart.snapshot().coupon).toBe('WELCOME5');
    expect(cart.applyCoupon('SUMMER', aCoupon('SUMMER')).ok).toBe(true);
    expect(cart.snapshot().coupon).toBe('SUMMER');
    cart.removeCoupon();
    expect(cart.snapshot().coupon).toBeNull();
  });

  it.each([
    ['a blank code', '  ', aCoupon('WELCOME5'), 'INVALID_COUPON'],
    ['a code no active promotion has', 'NOPE', null, 'UNKNOWN_COUPON'],
  ])('refuses %s', (_, code, promotion, error) => {
    const cart = aCart([], 'WELCOME5');
    expect(cart.applyCoupon(code, promotion)).toEqual(refused(error, 'code'));
    expect(cart.snapshot().coupon).toBe('WELCOME5');
  });

  it('empties lines, currency and coupon', () => {
    const cart = aCart([{ productId: MUG, quantity: 1 }], 'WELCOME5');
    cart.empty();
    expect(cart.snapshot()).toMatchObject({ lines: [], currency: null, coupon: null });
  });
});
