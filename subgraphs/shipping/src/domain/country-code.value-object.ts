import { fail, ok, type Result } from '@storefront/kernel';

const ISO_ALPHA_2 = /^[A-Z]{2}$/;
/** Codes the region names know that are groups of countries or placeholders, not a destination. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** A destination country as an ISO 3166-1 alpha-2 code in capitals that names a country, e.g. "DE". */
export class CountryCode {
  private constructor(readonly value: string) {}

  static parse(raw: string): Result<CountryCode> {
    if (!ISO_ALPHA_2.test(raw) || NOT_COUNTRIES.has(raw) || regions.of(raw) === undefined) {
      return fail('INVALID_COUNTRY', `"${raw}" is not a country code: use two capital letters (ISO 3166-1 alpha-2), e.g. "DE".`, 'country');
    }
    return ok(new CountryCode(raw));
  }
}
