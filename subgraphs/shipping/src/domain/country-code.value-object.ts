import { fail, ok, type Result } from '@storefront/kernel';

const ISO_ALPHA_2 = /^[A-Z]{2}$/;
/** Codes the region names know that are groups of countries or placeholders, not a destination. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Asking Intl is the costly part, and a list asks once per product: each code's answer is kept
// (at most 676 two-letter codes ever reach it).
const named = new Map<string, boolean>();
const namesRegion = (code: string): boolean => {
  let known = named.get(code);
  if (known === undefined) named.set(code, (known = regions.of(code) !== undefined));
  return known;
};

/** A destination country as an ISO 3166-1 alpha-2 code in capitals that names a country, e.g. "DE". */
export class CountryCode {
  private constructor(readonly value: string) {}

  static parse(raw: string): Result<CountryCode> {
    if (!ISO_ALPHA_2.test(raw) || NOT_COUNTRIES.has(raw) || !namesRegion(raw)) {
      return fail('INVALID_COUNTRY', `"${raw}" is not a country code: use two capital letters (ISO 3166-1 alpha-2), e.g. "DE".`, 'country');
    }
    return ok(new CountryCode(raw));
  }
}
