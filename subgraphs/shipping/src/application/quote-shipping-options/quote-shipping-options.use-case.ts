import { SHIPPING_QUOTE_LIFETIME_MS } from '@storefront/events';
import { ok, type Environment, type Result } from '@storefront/kernel';
import { CountryCode } from '../../domain/country-code.value-object';
import type { ParcelProfileRepository } from '../../domain/parcel-profile.repository';
import type { RateTableSource } from '../../domain/rate-table.source';
import { parcelsOf, type ShipmentLine } from '../../domain/shipment-line';
import type { ShippingQuoteSigner } from '../../domain/shipping-quote';
import type { Money } from '../../domain/shipping-rate';

/** One way to send a cart's lines, as quoted: `id` is the signed quote the customer checks out with. */
export interface ShippingOption {
  id: string;
  carrier: string;
  price: Money;
  days: number;
  expiresAt: Date;
}

/**
 * Quotes every carrier delivering to a country for a cart's lines sent together, priced from the
 * rate table and parcel profiles as a shipment of those lines would be, cheapest first; each option
 * signed as a quote that holds for SHIPPING_QUOTE_LIFETIME_MS. Nothing to ship, nothing to quote.
 * INVALID_COUNTRY for a code that names no country.
 */
export class QuoteShippingOptions {
  constructor(
    private readonly profiles: ParcelProfileRepository,
    private readonly rates: RateTableSource,
    private readonly signer: ShippingQuoteSigner,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async execute({ country, lines }: { country: string; lines: readonly ShipmentLine[] }): Promise<Result<ShippingOption[]>> {
    const destination = CountryCode.parse(country);
    if (!destination.ok) return destination;
    if (lines.length === 0) return ok([]);
    const profiles = await this.profiles.parcelsOf(lines.map((line) => line.productId));
    const estimates = (await this.rates.current()).quoteEachCarrier(parcelsOf(lines, profiles), destination.value);
    const expiresAt = new Date(this.env.now().getTime() + SHIPPING_QUOTE_LIFETIME_MS);
    return ok(estimates.map((estimate) => ({ id: this.signer.sign({ country, lines, ...estimate, expiresAt }), ...estimate, expiresAt })));
  }
}
