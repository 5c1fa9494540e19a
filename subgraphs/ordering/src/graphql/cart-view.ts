import type { DestinationCharges, PricedCart } from '../application/price-cart/cart-pricer';
import type { CartState } from '../domain/cart.aggregate';
import type { PricedLine } from '../domain/cart-pricing';

/** A cart being shown: its state, priced once per request however many fields ask, and its bill per destination. */
export interface CartView {
  state: CartState;
  priced: Promise<PricedCart>;
  bills: Map<string, Promise<DestinationCharges | null>>;
}

/** A cart line with the cart's currency, for its prices. */
export type CartLineView = PricedLine & { currency: string };
