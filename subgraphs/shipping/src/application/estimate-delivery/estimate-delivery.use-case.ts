import type { CountryCode } from '../../domain/country-code.value-object';
import type { Parcel } from '../../domain/parcel';
import type { DeliveryEstimate } from '../../domain/rate-table';
import type { RateTableSource } from '../../domain/rate-table.source';

/** Quotes the cheapest delivery of one parcel to one country, or null when nobody delivers there. */
export class EstimateDelivery {
  constructor(private readonly rates: RateTableSource) {}

  async execute(parcel: Parcel, country: CountryCode): Promise<DeliveryEstimate | null> {
    return (await this.rates.current()).quote(parcel, country);
  }
}
