/** The rates for every country that has none of its own. */
export const REST_OF_WORLD = '*';

/**
 * One carrier's price list to one destination: a base price, a price per started kilogram and a
 * surcharge for fragile parcels, all in integer minor units of one currency, and a delivery time.
 */
export interface ShippingRate {
  /** An ISO 3166-1 alpha-2 code, or REST_OF_WORLD. */
  country: string;
  carrier: string;
  currency: string;
  baseAmount: number;
  perKgAmount: number;
  fragileSurchargeAmount: number;
  days: number;
}

/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}
