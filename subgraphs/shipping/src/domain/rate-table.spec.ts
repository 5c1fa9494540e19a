import { CountryCode } from './country-code.value-object';
import type { Parcel } from './parcel';
import { RateTable } from './rate-table';
import type { ShippingRate } from './shipping-rate';

function rate(overrides: Partial<ShippingRate> = {}): ShippingRate {
  return { country: 'DE', carrier: 'DHL', currency: 'EUR', baseAmount: 500, perKgAmount: 100, fragileSurchargeAmount: 300, days: 2, ...overrides };
}

function parcel(overrides: Partial<Parcel> = {}): Parcel {
  return { weightGrams: 1000, lengthMm: 100, widthMm: 100, heightMm: 100, fragile: false, ...overrides };
}

function country(code: string): CountryCode {
  const parsed = CountryCode.parse(code);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('RateTable', () => {
  it('prices base + per kg x started kilograms', () => {
    const table = new RateTable([rate()]);
    expect(table.quote(parcel({ weightGrams: 2500 }), country('DE'))).toEqual({ carrier: 'DHL', price: { amount: 500 + 100 * 3, currency: 'EUR' }, days: 2 });
  });

  it('rounds a gram over a whole kilogram up to the next kilogram', () => {
    const table = new RateTable([rate()]);
    expect(table.quote(parcel({ weightGrams: 1000 }), country('DE'))?.price.amount).toBe(600);
    expect(table.quote(parcel({ weightGrams: 1001 }), country('DE'))?.price.amount).toBe(700);
  });

  it('prices a bulky parcel by its volumetric weight', () => {
    const table = new RateTable([rate()]);
    const bulky = parcel({ weightGrams: 300, lengthMm: 400, widthMm: 300, heightMm: 200 });
    expect(table.quote(bulky, country('DE'))?.price.amount).toBe(500 + 100 * 5);
  });

  it('adds the surcharge only for a fragile parcel', () => {
    const table = new RateTable([rate()]);
    expect(table.quote(parcel({ fragile: false }), country('DE'))?.price.amount).toBe(600);
    expect(table.quote(parcel({ fragile: true }), country('DE'))?.price.amount).toBe(900);
  });

  it('chooses the cheapest carrier for the parcel at hand', () => {
    const table = new RateTable([
      rate({ carrier: 'Post', baseAmount: 450, perKgAmount: 60, days: 3 }),
      rate({ carrier: 'DHL', baseAmount: 500, perKgAmount: 50, days: 2 }),
    ]);
    expect(table.quote(parcel({ weightGrams: 1000 }), country('DE'))?.carrier).toBe('Post');
    expect(table.quote(parcel({ weightGrams: 9000 }), country('DE'))?.carrier).toBe('DHL');
  });

  it('chooses the faster carrier when two cost the same', () => {
    const table = new RateTable([rate({ carrier: 'Slow', days: 5 }), rate({ carrier: 'Fast', days: 1 })]);
    expect(table.quote(parcel(), country('DE'))?.carrier).toBe('Fast');
  });

  it('falls back to the rest-of-world rates for a country without its own', () => {
    const table = new RateTable([rate({ country: 'DE', baseAmount: 100 }), rate({ country: '*', carrier: 'UPS', baseAmount: 2000, days: 6 })]);
    expect(table.quote(parcel(), country('JP'))).toEqual({ carrier: 'UPS', price: { amount: 2100, currency: 'EUR' }, days: 6 });
  });

  it('quotes a country with rates of its own from those only, even when the rest of the world is cheaper', () => {
    const table = new RateTable([rate({ country: 'DE', baseAmount: 900 }), rate({ country: '*', baseAmount: 100 })]);
    expect(table.quote(parcel(), country('DE'))?.price.amount).toBe(1000);
  });

  it('has no estimate where nobody delivers', () => {
    expect(new RateTable([rate({ country: 'DE' })]).quote(parcel(), country('JP'))).toBeNull();
  });

  it('quotes parcels sent together: one base price, their kilograms added up, the surcharge once', () => {
    const table = new RateTable([rate(), rate({ carrier: 'Post', baseAmount: 450, perKgAmount: 150 })]);
    const parcels = [{ parcel: parcel({ weightGrams: 600 }), count: 2 }, { parcel: parcel({ weightGrams: 300, fragile: true }), count: 1 }];
    expect(table.quoteTogether(parcels, country('DE'))).toEqual({ carrier: 'DHL', price: { amount: 500 + 100 * 2 + 300, currency: 'EUR' }, days: 2 });
    expect(table.quoteTogether([{ parcel: parcel({ weightGrams: 100 }), count: 1 }], country('DE'))).toEqual(table.quote(parcel({ weightGrams: 100 }), country('DE')));
    expect(table.quoteTogether([], country('DE'))?.carrier).toBe('Post');
  });

  it('quotes every carrier for parcels sent together, cheapest first, then fastest, then by name', () => {
    const table = new RateTable([
      rate({ carrier: 'UPS', baseAmount: 700, days: 1 }),
      rate({ carrier: 'Post', baseAmount: 450, perKgAmount: 150, days: 3 }),
      rate({ carrier: 'DHL', baseAmount: 500, days: 2 }),
      rate({ country: '*', carrier: 'Far', baseAmount: 1 }),
    ]);
    const parcels = [{ parcel: parcel({ weightGrams: 1500 }), count: 2 }];
    expect(table.quoteEachCarrier(parcels, country('DE'))).toEqual([
      { carrier: 'DHL', price: { amount: 500 + 100 * 3, currency: 'EUR' }, days: 2 },
      { carrier: 'Post', price: { amount: 450 + 150 * 3, currency: 'EUR' }, days: 3 },
      { carrier: 'UPS', price: { amount: 700 + 100 * 3, currency: 'EUR' }, days: 1 },
    ]);
    expect(table.quoteEachCarrier(parcels, country('DE'))[0]).toEqual(table.quoteTogether(parcels, country('DE')));
    expect(new RateTable([rate()]).quoteEachCarrier(parcels, country('JP'))).toEqual([]);
  });

  it('lists its rates by country then carrier', () => {
    const table = new RateTable([rate({ country: 'FR', carrier: 'UPS' }), rate({ country: '*' }), rate({ country: 'FR', carrier: 'DHL' })]);
    expect(table.all().map((r) => `${r.country}/${r.carrier}`)).toEqual(['*/DHL', 'FR/DHL', 'FR/UPS']);
    expect(table.ratesFor(country('NL')).map((r) => r.country)).toEqual(['*']);
  });
});

describe('CountryCode', () => {
  it.each(['DE', 'JP', 'GB', 'US'])('takes the country "%s"', (raw) => {
    expect(CountryCode.parse(raw)).toEqual({ ok: true, value: expect.objectContaining({ value: raw }) });
  });


  it.each(['de', 'DEU', 'D', '', '*', 'D1', 'XX', 'AA', 'EU', 'ZZ'])('refuses "%s"', (raw) => {
    expect(CountryCode.parse(raw)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_COUNTRY', field: 'country' }) });
  });
});
