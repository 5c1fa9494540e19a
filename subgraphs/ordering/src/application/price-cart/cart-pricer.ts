import { linesDigest, verifyShippingQuote } from '@storefront/events';
import { fail, ok, type Result } from '@storefront/kernel';
import type { CartState } from '../../domain/cart.aggregate';
import { chargeFor, priceItems, type CartCharges, type ItemsPrice, type PricedLine } from '../../domain/cart-pricing';
import type { ShippingChoice } from '../../domain/order-charges';
import { isSellable, type PriceList } from '../../domain/priced-product';
import type { PromotionCatalog } from '../../domain/promotion';
import type { TaxRates } from '../../domain/tax-rate.value-object';
import type { Environment } from '@storefront/kernel';

/** A cart priced from the price list and the promotions as they are now. */
export interface PricedCart {
  cart: Readonly<CartState>;
  lines: (PricedLine & { sellable: boolean })[];
  items: ItemsPrice;
}

export interface Destination {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** The chosen shipping option: the quote token shipping signed. Without one, shipping counts 0. */
  shippingOptionId?: string | null;
}

/** The bill for a destination, and the carrier of the chosen shipping option. */
export interface DestinationCharges extends CartCharges {
  shippingOption: ShippingChoice | null;
}

/**
 * Prices carts for the shopper and for checkout alike, so that what the shopper sees is what
 * checkout charges. The shipping fee is the one shipping signed in its quote, verified here without
 * asking shipping: the quote must be for this cart's lines, this country, and not expired.
 */
export class CartPricer {
  constructor(
    private readonly priceList: PriceList,
    private readonly promotions: PromotionCatalog,
    private readonly taxRates: TaxRates,
    private readonly quoteSecret: string,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async price(cart: Readonly<CartState>): Promise<PricedCart> {
    const [products, promotions] = await Promise.all([this.priceList.findMany(cart.lines.map((line) => line.productId)), cart.lines.length ? this.promotions.active() : []]);
    const byId = new Map(products.map((product) => [product.productId, product]));
    const lines = cart.lines.flatMap(({ productId, quantity }) => {
      const product = byId.get(productId);
      if (!product) return [];
      return [{ productId, quantity, name: product.name, unitPrice: product.price.amount, categoryId: product.categoryId, sellable: isSellable(product) }];
    });
    const currency = cart.currency ?? 'EUR';
    return { cart, lines, items: priceItems({ lines, currency, promotions, coupon: cart.coupon, now: this.env.now() }) };
  }

  async charge(priced: PricedCart, { country, shippingOptionId }: Destination): Promise<Result<DestinationCharges>> {
    const rate = await this.taxRates.of(country);
    if (!rate) return fail('UNKNOWN_COUNTRY', `There is no tax rate for ${country}: the shop does not deliver there.`, 'shippingAddress.country');
    let fee = 0;
    let shippingOption: ShippingChoice | null = null;
    if (shippingOptionId) {
      const quote = this.verifyQuote(priced, country, shippingOptionId);
      if (!quote.ok) return quote;
      fee = quote.value.price.amount;
      shippingOption = { carrier: quote.value.carrier, days: quote.value.days };
    }
    return ok({ ...chargeFor(priced.items, fee, rate), shippingOption });
  }

  private verifyQuote(priced: PricedCart, country: string, token: string) {
    const field = 'shippingOptionId';
    const verdict = verifyShippingQuote(this.quoteSecret, token, this.env.now());
    if (!verdict.ok && verdict.reason === 'EXPIRED') return fail('SHIPPING_QUOTE_EXPIRED', 'The shipping option has expired: choose one again.', field);
    if (!verdict.ok) return fail('INVALID_SHIPPING_OPTION', 'That is not a shipping option this shop offered.', field);
    const { quote } = verdict;
    if (quote.linesDigest !== linesDigest(priced.cart.lines)) return fail('SHIPPING_QUOTE_STALE', 'The cart changed since the shipping option was offered: choose one again.', field);
    if (quote.country !== country) return fail('SHIPPING_COUNTRY_MISMATCH', `The shipping option is for ${quote.country}, the address in ${country}.`, field);
    if (quote.price.currency !== priced.items.currency) return fail('SHIPPING_QUOTE_STALE', `The shipping option is priced in ${quote.price.currency}, the cart in ${priced.items.currency}.`, field);
    return ok(quote);
  }
}
