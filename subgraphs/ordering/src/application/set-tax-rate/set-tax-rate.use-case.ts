import { fail, ok, type Result } from '@storefront/kernel';
import { TaxRate, type TaxRates } from '../../domain/tax-rate.value-object';

/** An admin sets the tax a destination country charges, as a percentage (19, 7.5). */
export class SetTaxRate {
  constructor(private readonly rates: TaxRates) {}

  async execute(country: string, ratePercent: number): Promise<Result<{ country: string; ratePercent: number }>> {
    const code = country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return fail('INVALID_COUNTRY', `"${country}" is not a country code: use two letters (ISO 3166-1 alpha-2), e.g. "DE".`, 'country');
    const rate = TaxRate.fromPercent(code, ratePercent);
    if (!rate.ok) return rate;
    await this.rates.set(rate.value);
    return ok({ country: code, ratePercent: rate.value.percent });
  }
}
