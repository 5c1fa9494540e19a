import { formatMoney, minorUnitDigits } from './money-format';

describe('formatMoney', () => {
  it('renders minor units in the currency’s own number of digits', () => {
    expect(formatMoney(1999, 'EUR')).toBe('€19.99');
    expect(formatMoney(1999, 'JPY')).toBe('¥1,999');
    expect(formatMoney(1999, 'KWD')).toBe('KWD\u00a01.999');
    expect(formatMoney(1999, 'EUR', 'de-DE')).toBe('19,99\u00a0€');
  });

  it('gives the same answer however often and in whatever order currencies are asked for', () => {
    const first = ['EUR', 'JPY', 'USD', 'EUR'].map((currency) => formatMoney(123456, currency));
    expect(['EUR', 'JPY', 'USD', 'EUR'].map((currency) => formatMoney(123456, currency))).toEqual(first);
    expect(first).toEqual(['€1,234.56', '¥123,456', '$1,234.56', '€1,234.56']);
  });

  it('renders each amount in its own currency and locale, however many distinct amounts came before', () => {
    for (let amount = 0; amount < 25_000; amount += 1) formatMoney(amount, 'EUR');
    expect([formatMoney(1999, 'EUR'), formatMoney(1999, 'USD'), formatMoney(1999, 'EUR', 'de-DE'), formatMoney(24_999, 'EUR')]).toEqual(['€19.99', '$19.99', '19,99\u00a0€', '€249.99']);
  });
});

describe('minorUnitDigits', () => {
  it('follows ISO 4217', () => {
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('BHD')]).toEqual([2, 0, 3]);
  });

  it('refuses what is not a currency code', () => {
    expect(() => minorUnitDigits('EURO')).toThrow(RangeError);
  });
});
