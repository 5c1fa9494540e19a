import { CountryCode } from './country-code.value-object';

describe('CountryCode', () => {
  it('takes two capital letters that name a country, and refuses groups, placeholders and unknown codes', () => {
    expect(CountryCode.parse('DE')).toMatchObject({ ok: true, value: { value: 'DE' } });
    for (const raw of ['de', 'DEU', 'EU', 'ZZ', 'XY', '']) expect(CountryCode.parse(raw)).toMatchObject({ ok: false, error: { code: 'INVALID_COUNTRY' } });
  });

  it('asks Intl about a code once, however often it is parsed (a list parses it once per product)', () => {
    const of = jest.spyOn(Intl.DisplayNames.prototype, 'of');
    try {
      for (let i = 0; i < 100; i += 1) CountryCode.parse('FR');
      expect(of.mock.calls.filter(([code]) => code === 'FR')).toHaveLength(1);
    } finally {
      of.mockRestore();
    }
  });
});
