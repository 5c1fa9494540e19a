import { parsePromotionTerms } from './promotion-terms';
import { KITCHEN, MUG, aPromotionInput, hoursFromNow, now } from './promotion.test-builders';

const refusal = (code: string, field: string) => ({ ok: false, error: expect.objectContaining({ code, field }) });

describe('parsePromotionTerms', () => {
  it('takes a coupon for an amount off, upper-casing its code and starting now by default', () => {
    expect(parsePromotionTerms(aPromotionInput({ code: ' welcome5 ', description: ' 5 € off ' }), now)).toEqual({
      ok: true,
      value: {
        code: 'WELCOME5', description: '5 € off', kind: 'AMOUNT_OFF', percentOff: null, amountOff: { amount: 500, currency: 'EUR' },
        productIds: [], categoryIds: [], minimumSubtotal: null, startsAt: now, endsAt: null, usageLimit: null, perCustomerLimit: null,
      },
    });
  });

  it('takes an automatic percentage off one category, from a start to an end', () => {
    const input = { code: null, kind: 'PERCENT_OFF' as const, value: 10, currency: null, categoryIds: [KITCHEN.toUpperCase(), KITCHEN], startsAt: hoursFromNow(1).toISOString(), endsAt: hoursFromNow(48).toISOString() };
    expect(parsePromotionTerms(aPromotionInput(input), now)).toEqual({
      ok: true,
      value: expect.objectContaining({ code: null, kind: 'PERCENT_OFF', percentOff: 10, amountOff: null, categoryIds: [KITCHEN], startsAt: hoursFromNow(1), endsAt: hoursFromNow(48) }),
    });
  });

  it('takes free shipping above a minimum subtotal', () => {
    const input = aPromotionInput({ code: 'SHIPFREE', kind: 'FREE_SHIPPING', value: null, currency: null, minimumSubtotal: { amount: 5000, currency: 'EUR' }, productIds: [MUG] });
    expect(parsePromotionTerms(input, now)).toEqual({ ok: true, value: expect.objectContaining({ kind: 'FREE_SHIPPING', percentOff: null, amountOff: null, minimumSubtotal: { amount: 5000, currency: 'EUR' }, productIds: [MUG] }) });
  });

  it.each([
    ['a percentage above 100', { kind: 'PERCENT_OFF' as const, value: 101 }, 'INVALID_PERCENTAGE', 'value'],
    ['a percentage below 1', { kind: 'PERCENT_OFF' as const, value: 0 }, 'INVALID_PERCENTAGE', 'value'],
    ['a fractional percentage', { kind: 'PERCENT_OFF' as const, value: 12.5 }, 'INVALID_PERCENTAGE', 'value'],
    ['a percentage off without a value', { kind: 'PERCENT_OFF' as const, value: null }, 'INVALID_PERCENTAGE', 'value'],
    ['a negative amount', { value: -500 }, 'INVALID_AMOUNT', 'value'],
    ['an amount of nothing', { value: 0 }, 'INVALID_AMOUNT', 'value'],
    ['an amount without a currency', { currency: null }, 'INVALID_CURRENCY', 'currency'],
    ['an amount in a made-up currency', { currency: 'euro' }, 'INVALID_CURRENCY', 'currency'],
    ['free shipping with a value', { kind: 'FREE_SHIPPING' as const, value: 5 }, 'INVALID_VALUE', 'value'],
    ['a code with spaces', { code: 'WELCOME 5' }, 'INVALID_CODE', 'code'],
    ['a code too short', { code: 'W5' }, 'INVALID_CODE', 'code'],
    ['an empty description', { description: '  ' }, 'INVALID_DESCRIPTION', 'description'],
    ['a description too long', { description: 'x'.repeat(201) }, 'INVALID_DESCRIPTION', 'description'],
    ['a product id that is no id', { productIds: ['mug'] }, 'INVALID_PRODUCT_ID', 'productIds'],
    ['a category id that is no id', { categoryIds: ['kitchen'] }, 'INVALID_CATEGORY_ID', 'categoryIds'],
    ['a negative minimum subtotal', { minimumSubtotal: { amount: -1, currency: 'EUR' } }, 'INVALID_MINIMUM_SUBTOTAL', 'minimumSubtotal.amount'],
    ['a minimum subtotal in another currency', { minimumSubtotal: { amount: 1000, currency: 'USD' } }, 'CURRENCY_MISMATCH', 'minimumSubtotal.currency'],
    ['a start that is no date', { startsAt: 'tomorrow' }, 'INVALID_DATE', 'startsAt'],
    ['an end that is no date', { endsAt: '2026-13-45T00:00:00Z' }, 'INVALID_DATE', 'endsAt'],
    ['an end before the start', { startsAt: hoursFromNow(5).toISOString(), endsAt: hoursFromNow(4).toISOString() }, 'INVALID_PERIOD', 'endsAt'],
    ['an end at the start', { startsAt: hoursFromNow(5).toISOString(), endsAt: hoursFromNow(5).toISOString() }, 'INVALID_PERIOD', 'endsAt'],
    ['an end in the past', { startsAt: hoursFromNow(-5).toISOString(), endsAt: hoursFromNow(-1).toISOString() }, 'INVALID_PERIOD', 'endsAt'],
    ['a usage limit of 0', { usageLimit: 0 }, 'INVALID_USAGE_LIMIT', 'usageLimit'],
    ['a per-customer limit of -1', { perCustomerLimit: -1 }, 'INVALID_PER_CUSTOMER_LIMIT', 'perCustomerLimit'],
    ['a usage limit on an automatic promotion', { code: null, usageLimit: 5 }, 'LIMIT_NEEDS_CODE', 'usageLimit'],
    ['a per-customer limit on an automatic promotion', { code: '', perCustomerLimit: 1 }, 'LIMIT_NEEDS_CODE', 'perCustomerLimit'],
  ])('refuses %s', (_, overrides, code, field) => {
    expect(parsePromotionTerms(aPromotionInput(overrides), now)).toEqual(refusal(code, field));
  });

  it('takes limits on a coupon', () => {
    const terms = parsePromotionTerms(aPromotionInput({ usageLimit: 5, perCustomerLimit: 1 }), now);
    expect(terms).toEqual({ ok: true, value: expect.objectContaining({ usageLimit: 5, perCustomerLimit: 1 }) });
  });
});
