import { chargeFor, priceItems, type PricedLine } from './cart-pricing';
import { GARDEN, KITCHEN, aCoupon, aPricedLine, aPromotion, eur } from './cart.test-builders';
import type { Promotion } from './promotion';
import { TEAPOT, now } from './order.test-builders';
import { TaxRate } from './tax-rate.value-object';

const mugs = (quantity: number) => aPricedLine({ quantity });
const teapot = aPricedLine({ productId: TEAPOT, name: 'Teapot', unitPrice: 3500, categoryId: GARDEN });

function price(lines: PricedLine[], promotions: Promotion[], coupon: string | null = null) {
  return priceItems({ lines, currency: 'EUR', promotions, coupon, now });
}

const hour = 3_600_000;

describe('pricing a cart with promotions', () => {
  it('totals the lines without promotions', () => {
    expect(price([mugs(2), teapot], [])).toEqual({ currency: 'EUR', subtotal: 6098, discount: 0, lineDiscounts: [], freeShipping: null });
  });

  it('takes a percentage off everything, rounded half to even once', () => {
    const tenOff = aPromotion();
    // 10 % of 6098 = 609.8 -> 610.
    expect(price([mugs(2), teapot], [tenOff])).toMatchObject({ discount: 610, lineDiscounts: [{ promotionId: tenOff.promotionId, code: null, amount: 610 }] });
    // 10 % of 1245 = 124.5 -> 124 (the even neighbour).
    expect(price([aPricedLine({ unitPrice: 1245 })], [tenOff]).discount).toBe(124);
  });

  it('takes a percentage off only the products or categories it names', () => {
    expect(price([mugs(2), teapot], [aPromotion({ productIds: [TEAPOT], percentOff: 20 })]).discount).toBe(700);
    expect(price([mugs(2), teapot], [aPromotion({ categoryIds: [KITCHEN], percentOff: 50 })]).discount).toBe(1299);
  });

  it('takes an amount off, never more than what the lines it applies to cost', () => {
    expect(price([mugs(1), teapot], [aPromotion({ kind: 'AMOUNT_OFF', percentOff: null, amountOff: eur(500) })]).discount).toBe(500);
    expect(price([mugs(1), teapot], [aPromotion({ kind: 'AMOUNT_OFF', percentOff: null, amountOff: eur(5000), categoryIds: [KITCHEN] })]).discount).toBe(1299);
  });

  it('gives nothing for an amount in another currency', () => {
    expect(price([mugs(1)], [aPromotion({ kind: 'AMOUNT_OFF', percentOff: null, amountOff: { amount: 500, currency: 'USD' } })]).discount).toBe(0);
  });

  it('applies a promotion only from its start until its end', () => {
    const later = aPromotion({ startsAt: new Date(now.getTime() + hour) });
    const over = aPromotion({ startsAt: new Date(now.getTime() - 2 * hour), endsAt: now });
    const running = aPromotion({ percentOff: 5, endsAt: new Date(now.getTime() + 1) });
    expect(price([mugs(10)], [later, over, running]).lineDiscounts.map((p) => p.promotionId)).toEqual([running.promotionId]);
  });

  it('applies a promotion only once the subtotal reaches its minimum', () => {
    const overFifty = aPromotion({ minimumSubtotal: eur(5000) });
    expect(price([mugs(3)], [overFifty]).discount).toBe(0);
    expect(price([mugs(4)], [overFifty]).discount).toBe(520);
  });

  it('applies the best automatic promotion only: they do not stack', () => {
    const tenOff = aPromotion();
    const teapotHalf = aPromotion({ productIds: [TEAPOT], percentOff: 50 });
    expect(price([mugs(1), teapot], [tenOff, teapotHalf]).lineDiscounts).toEqual([expect.objectContaining({ promotionId: teapotHalf.promotionId, amount: 1750 })]);
  });

  it('applies a coupon only to a cart that applied its code, on top of the automatic promotion, on what is left', () => {
    const tenOff = aPromotion();
    const fiveEuros = aCoupon('WELCOME5', { kind: 'AMOUNT_OFF', percentOff: null, amountOff: eur(500) });
    expect(price([mugs(2)], [tenOff, fiveEuros]).discount).toBe(260);
    const withCoupon = price([mugs(2)], [tenOff, fiveEuros], 'WELCOME5');
    expect(withCoupon.discount).toBe(760);
    expect(withCoupon.lineDiscounts.map((p) => p.code)).toEqual([null, 'WELCOME5']);
  });

  it('never takes off more than the subtotal, however the promotions add up', () => {
    const all = aPromotion({ percentOff: 100 });
    const tenEuros = aCoupon('TEN', { kind: 'AMOUNT_OFF', percentOff: null, amountOff: eur(1000) });
    const priced = price([mugs(1)], [all, tenEuros], 'TEN');
    expect(priced).toMatchObject({ subtotal: 1299, discount: 1299 });
    // The coupon took nothing off, so it is not listed as applied.
    expect(priced.lineDiscounts.map((p) => p.code)).toEqual([null]);
  });
});

describe('charging shipping and tax', () => {
  const germany = TaxRate.of('DE', 1900);

  it('charges tax on the discounted subtotal plus shipping, rounded once: total = subtotal - discount + shipping + tax', () => {
    const items = price([mugs(2), teapot], [aPromotion()]);
    // 6098 - 610 + 499 = 5987; 19 % = 1137.53 -> 1138.
    expect(chargeFor(items, 499, germany)).toEqual({
      currency: 'EUR',
      subtotal: 6098,
      discount: 610,
      shipping: 499,
      tax: 1138,
      total: 7125,
      appliedPromotions: [expect.objectContaining({ amount: 610 })],
    });
  });

  it('waives the shipping fee for a free-shipping promotion, listing the fee it saved', () => {
    const freeShipping = aPromotion({ kind: 'FREE_SHIPPING', percentOff: null, description: 'Free shipping' });
    const charges = chargeFor(price([mugs(1)], [freeShipping]), 499, germany);
    expect(charges).toMatchObject({ shipping: 0, tax: 247, total: 1546 });
    expect(charges.appliedPromotions).toEqual([{ promotionId: freeShipping.promotionId, code: null, description: 'Free shipping', amount: 499 }]);
  });

  it('grants free shipping by the coupon when it is a free-shipping coupon', () => {
    const automatic = aPromotion({ kind: 'FREE_SHIPPING', percentOff: null });
    const coupon = aCoupon('SHIPFREE', { kind: 'FREE_SHIPPING', percentOff: null });
    expect(chargeFor(price([mugs(1)], [automatic, coupon], 'SHIPFREE'), 499, germany).appliedPromotions.map((p) => p.code)).toEqual(['SHIPFREE']);
  });

  it('totals zero for a 100 % coupon with free shipping: tax on nothing', () => {
    const all = aCoupon('ALL', { percentOff: 100 });
    const freeShipping = aPromotion({ kind: 'FREE_SHIPPING', percentOff: null });
    expect(chargeFor(price([mugs(3), teapot], [all, freeShipping], 'ALL'), 499, germany)).toMatchObject({ discount: 7397, shipping: 0, tax: 0, total: 0 });
  });

  it('charges no tax where no rate is known yet (the cart before a country is chosen)', () => {
    expect(chargeFor(price([mugs(1)], []), 0, null)).toMatchObject({ tax: 0, total: 1299 });
  });
});

describe('a tax rate', () => {
  it.each([
    [19, 1900],
    [7.5, 750],
    [0, 0],
    [100, 10000],
  ])('takes %p %% as %p basis points', (percent, basisPoints) => {
    const rate = TaxRate.fromPercent('DE', percent);
    expect(rate.ok && rate.value.basisPoints).toBe(basisPoints);
  });

  it.each([-1, 100.01, 7.555, Number.NaN])('refuses %p %%', (percent) => {
    expect(TaxRate.fromPercent('DE', percent)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_TAX_RATE', field: 'ratePercent' }) });
  });

  it('rounds exact halves to the even cent', () => {
    const tenPercent = TaxRate.of('XX', 1000);
    expect([5, 15, 25, 14, 16].map((amount) => tenPercent.taxOn(amount))).toEqual([0, 2, 2, 1, 2]);
  });
});
