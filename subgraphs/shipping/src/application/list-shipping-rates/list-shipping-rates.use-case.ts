import { ok, type Result } from '@storefront/kernel';
import { CountryCode } from '../../domain/country-code.value-object';
import type { RateTableSource } from '../../domain/rate-table.source';
import { REST_OF_WORLD, type ShippingRate } from '../../domain/shipping-rate';

/**
 * The rate table: all of it, or the rates a parcel to one country is quoted from (its own, or the
 * rest of the world's). Asking for "*" gives the rest-of-world rates themselves.
 */
export class ListShippingRates {
  constructor(private readonly rates: RateTableSource) {}

  async execute(country?: string | null): Promise<Result<ShippingRate[]>> {
    if (country == null) return ok((await this.rates.current()).all());
    if (country === REST_OF_WORLD) return ok((await this.rates.current()).restOfWorld());
    const destination = CountryCode.parse(country);
    if (!destination.ok) return destination;
    return ok((await this.rates.current()).ratesFor(destination.value));
  }
}
