import type { ShipmentLine } from './shipment-line';
import type { Money } from './shipping-rate';

/** What shipping stands by when it quotes an option: this price for these lines to this country, until `expiresAt`. */
export interface ShippingQuoteTerms {
  country: string;
  lines: readonly ShipmentLine[];
  carrier: string;
  price: Money;
  days: number;
  expiresAt: Date;
}

/** Turns quote terms into a token that whoever holds the shared secret can verify and nobody else can forge. */
export interface ShippingQuoteSigner {
  sign(terms: ShippingQuoteTerms): string;
}
