import type { CountryCode } from './country-code.value-object';
import { chargeableKilogramsTogether, type Parcel, type Parcels } from './parcel';
import { REST_OF_WORLD, type Money, type ShippingRate } from './shipping-rate';

/** What delivering one parcel to one country costs with the carrier chosen, and how long it takes. */
export interface DeliveryEstimate {
  carrier: string;
  price: Money;
  days: number;
}

/**
 * The carriers' rates by destination. A country with rates of its own is quoted from those only;
 * any other country from the rest-of-world rates. A country's rates are assumed to share one
 * currency, as the cheapest is chosen by amount.
 */
export class RateTable {
  private readonly byCountry = new Map<string, ShippingRate[]>();

  constructor(rates: readonly ShippingRate[]) {
    const sorted = [...rates].sort((a, b) => a.country.localeCompare(b.country) || a.carrier.localeCompare(b.carrier));
    for (const rate of sorted) {
      const list = this.byCountry.get(rate.country) ?? [];
      list.push(rate);
      this.byCountry.set(rate.country, list);
    }
  }

  /** Every rate, by country then carrier. */
  all(): ShippingRate[] {
    return [...this.byCountry.values()].flat();
  }

  /** The rates a parcel to this country is quoted from: its own, or else the rest of the world's. */
  ratesFor(country: CountryCode): ShippingRate[] {
    return [...(this.byCountry.get(country.value) ?? this.restOfWorld())];
  }

  restOfWorld(): ShippingRate[] {
    return [...(this.byCountry.get(REST_OF_WORLD) ?? [])];
  }

  /** The cheapest delivery (then the fastest, then by carrier name), or null when nobody delivers there. */
  quote(parcel: Parcel, country: CountryCode): DeliveryEstimate | null {
    return this.quoteTogether([{ parcel, count: 1 }], country);
  }

  /**
   * The cheapest delivery of parcels sent together as one shipment, chosen as `quote` chooses;
   * one parcel is quoted exactly as `quote` quotes it. Null when nobody delivers there.
   */
  quoteTogether(parcels: readonly Parcels[], country: CountryCode): DeliveryEstimate | null {
    return this.quoteEachCarrier(parcels, country)[0] ?? null;
  }

  /**
   * What every carrier delivering to the country charges for parcels sent together, cheapest first
   * (then fastest, then by carrier name); empty when nobody delivers there.
   */
  quoteEachCarrier(parcels: readonly Parcels[], country: CountryCode): DeliveryEstimate[] {
    const estimates = this.ratesFor(country).map((rate) => estimateTogether(rate, parcels));
    return estimates.sort((a, b) => a.price.amount - b.price.amount || a.days - b.days || a.carrier.localeCompare(b.carrier));
  }
}

/** base + per kg x started kilograms + the fragile surcharge when the parcel is fragile. */
export function estimateWith(rate: ShippingRate, parcel: Parcel): DeliveryEstimate {
  return estimateTogether(rate, [{ parcel, count: 1 }]);
}

/**
 * Parcels sent together pay the base price once, the per-kilogram price for the started
 * kilograms of their chargeable weights added up, and the fragile surcharge once if any is fragile.
 */
export function estimateTogether(rate: ShippingRate, parcels: readonly Parcels[]): DeliveryEstimate {
  const surcharge = parcels.some(({ parcel, count }) => count > 0 && parcel.fragile) ? rate.fragileSurchargeAmount : 0;
  const amount = rate.baseAmount + rate.perKgAmount * chargeableKilogramsTogether(parcels) + surcharge;
  return { carrier: rate.carrier, price: { amount, currency: rate.currency }, days: rate.days };
}
