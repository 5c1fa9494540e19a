import type { Parcel } from '../../domain/parcel';
import type { ParcelProfileRepository } from '../../domain/parcel-profile.repository';
import { RateTable } from '../../domain/rate-table';
import type { ShippingQuoteSigner, ShippingQuoteTerms } from '../../domain/shipping-quote';
import type { ShippingRate } from '../../domain/shipping-rate';
import { QuoteShippingOptions } from './quote-shipping-options.use-case';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const MUG = 'mug';
const VASE = 'vase';

function rate(overrides: Partial<ShippingRate> = {}): ShippingRate {
  return { country: 'DE', carrier: 'DHL', currency: 'EUR', baseAmount: 500, perKgAmount: 100, fragileSurchargeAmount: 300, days: 2, ...overrides };
}

function parcel(overrides: Partial<Parcel> = {}): Parcel {
  return { weightGrams: 1000, lengthMm: 100, widthMm: 100, heightMm: 100, fragile: false, ...overrides };
}

/** Writes the terms into the token, so a test can see what was signed. */
class TermsAsToken implements ShippingQuoteSigner {
  readonly signed: ShippingQuoteTerms[] = [];

  sign(terms: ShippingQuoteTerms): string {
    this.signed.push(terms);
    return `quote-${terms.carrier}-${terms.price.amount}`;
  }
}

function quoting(profiles: Record<string, Parcel>, rates: ShippingRate[] = [rate(), rate({ carrier: 'Post', baseAmount: 400, perKgAmount: 200, days: 4 })]) {
  const repository: ParcelProfileRepository = {
    save: async () => undefined,
    parcelsOf: async (ids) => new Map(ids.flatMap((id) => (profiles[id] ? [[id, profiles[id]] as const] : []))),
  };
  const signer = new TermsAsToken();
  const useCase = new QuoteShippingOptions(repository, { current: async () => new RateTable(rates) }, signer, { now: () => NOW });
  return { useCase, signer };
}

describe('QuoteShippingOptions', () => {
  it("offers each carrier's price for the lines sent together, cheapest first, each as a quote of those lines for 30 minutes", async () => {
    const { useCase, signer } = quoting({ [MUG]: parcel({ weightGrams: 700 }), [VASE]: parcel({ weightGrams: 1200, fragile: true }) });
    const lines = [{ productId: MUG, quantity: 2 }, { productId: VASE, quantity: 1 }];
    const expiresAt = new Date('2026-11-29T12:30:00.000Z');

    const options = await useCase.execute({ country: 'DE', lines });

    // 2 x 700 g + 1200 g = 2600 g: 3 started kilograms; the vase makes it fragile.
    expect(options).toEqual({
      ok: true,
      value: [
        { id: 'quote-DHL-1100', carrier: 'DHL', price: { amount: 500 + 3 * 100 + 300, currency: 'EUR' }, days: 2, expiresAt },
        { id: 'quote-Post-1300', carrier: 'Post', price: { amount: 400 + 3 * 200 + 300, currency: 'EUR' }, days: 4, expiresAt },
      ],
    });
    expect(signer.signed).toEqual([
      { country: 'DE', lines, carrier: 'DHL', price: { amount: 1100, currency: 'EUR' }, days: 2, expiresAt },
      { country: 'DE', lines, carrier: 'Post', price: { amount: 1300, currency: 'EUR' }, days: 4, expiresAt },
    ]);
  });

  it('counts a product not measured yet as weighing nothing, as a dispatch would', async () => {
    const { useCase } = quoting({ [MUG]: parcel({ weightGrams: 700 }) }, [rate()]);
    const options = await useCase.execute({ country: 'DE', lines: [{ productId: MUG, quantity: 1 }, { productId: VASE, quantity: 3 }] });
    expect(options.ok && options.value.map((option) => option.price.amount)).toEqual([500 + 100]);
  });

  it('has nothing to quote for an empty cart or a country nobody delivers to', async () => {
    const { useCase, signer } = quoting({ [MUG]: parcel() }, [rate()]);
    expect(await useCase.execute({ country: 'DE', lines: [] })).toEqual({ ok: true, value: [] });
    expect(await useCase.execute({ country: 'JP', lines: [{ productId: MUG, quantity: 1 }] })).toEqual({ ok: true, value: [] });
    expect(signer.signed).toEqual([]);
  });

  it('refuses a code that names no country', async () => {
    const { useCase } = quoting({ [MUG]: parcel() });
    for (const country of ['XX', 'de', 'EU']) {
      expect(await useCase.execute({ country, lines: [{ productId: MUG, quantity: 1 }] })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_COUNTRY', field: 'country' }),
      });
    }
  });
});
