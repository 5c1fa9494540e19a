import { linesDigest, signShippingQuote } from '@storefront/events';
import type { ShippingQuoteSigner, ShippingQuoteTerms } from '../domain/shipping-quote';

/** Signs quotes as the published contract says (HMAC-SHA256 with SHIPPING_QUOTE_SECRET), so ordering can verify them. */
export class HmacShippingQuoteSigner implements ShippingQuoteSigner {
  constructor(private readonly secret: string) {}

  sign({ country, lines, carrier, price, days, expiresAt }: ShippingQuoteTerms): string {
    return signShippingQuote(this.secret, { country, linesDigest: linesDigest(lines), carrier, price, days, expiresAt: expiresAt.toISOString() });
  }
}
