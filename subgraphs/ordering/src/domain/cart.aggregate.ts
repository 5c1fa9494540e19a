import { fail, ok, type Result } from '@storefront/kernel';
import { isSellable, type PricedProduct } from './priced-product';
import { normaliseCode, type Promotion } from './promotion';

/** At most this many lines per cart, and units per line: a cart, not a warehouse transfer. */
export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 1_000;

/** A product in the cart and how many; its name and price are looked up when the cart is priced. */
export interface CartLine {
  productId: string;
  quantity: number;
}

export interface CartState {
  id: string;
  customerId: string;
  /** In the order they were first added. */
  lines: readonly CartLine[];
  /** The one currency every line is priced in; null while the cart is empty. */
  currency: string | null;
  /** The coupon code applied (normalised), if any: at most one per cart. */
  coupon: string | null;
  version: number;
}

/**
 * A customer's one open cart. It holds products and quantities, one currency, and at most one
 * coupon; prices, names and discounts come from the price list and the promotions when it is
 * priced, so the cart always shows what checking out would charge now.
 */
export class Cart {
  private constructor(private state: CartState) {}

  static open(id: string, customerId: string): Cart {
    return new Cart({ id, customerId, lines: [], currency: null, coupon: null, version: 0 });
  }

  /** Rebuilds a cart from storage; no rule runs. */
  static restore(state: CartState): Cart {
    return new Cart({ ...state, lines: state.lines.map((line) => ({ ...line })) });
  }

  get id(): string {
    return this.state.id;
  }

  get isEmpty(): boolean {
    return this.state.lines.length === 0;
  }

  snapshot(): Readonly<CartState> {
    return { ...this.state, lines: this.state.lines.map((line) => ({ ...line })) };
  }

  /** Adds units of a product: to its line when the cart has one, else as a new line. */
  add(productId: string, quantity: number, product: PricedProduct | null): Result<void> {
    const checked = checkQuantity(quantity, 1);
    if (!checked.ok) return checked;
    const current = this.lineOf(productId)?.quantity ?? 0;
    if (current + quantity > MAX_LINE_QUANTITY) {
      return fail('INVALID_QUANTITY', `At most ${MAX_LINE_QUANTITY} units of one product per cart; it holds ${current} already.`, 'quantity');
    }
    return this.put(productId, current + quantity, product);
  }

  /** Sets a line's quantity; 0 removes the line. */
  updateLine(productId: string, quantity: number, product: PricedProduct | null): Result<void> {
    const checked = checkQuantity(quantity, 0);
    if (!checked.ok) return checked;
    if (quantity === 0) {
      const lines = this.state.lines.filter((line) => line.productId !== productId);
      this.state = { ...this.state, lines, currency: lines.length === 0 ? null : this.state.currency };
      return ok(undefined);
    }
    return this.put(productId, quantity, product);
  }

  /** Applies a coupon, replacing any other: the code must name an active coupon promotion. */
  applyCoupon(code: string, promotion: Promotion | null): Result<void> {
    const normalised = normaliseCode(code);
    if (normalised.length === 0) return fail('INVALID_COUPON', 'Type the coupon code.', 'code');
    if (!promotion || promotion.code !== normalised) return fail('UNKNOWN_COUPON', `There is no coupon ${normalised}.`, 'code');
    this.state = { ...this.state, coupon: normalised };
    return ok(undefined);
  }

  removeCoupon(): void {
    this.state = { ...this.state, coupon: null };
  }

  /** Takes everything out, the coupon too (what checking out does once the order is placed). */
  empty(): void {
    this.state = { ...this.state, lines: [], currency: null, coupon: null };
  }

  private put(productId: string, quantity: number, product: PricedProduct | null): Result<void> {
    if (!product) return fail('UNKNOWN_PRODUCT', `There is no product ${productId} to buy.`, 'productId');
    if (!isSellable(product)) return fail('PRODUCT_DISCONTINUED', `${product.name} is no longer sold.`, 'productId');
    const currency = product.price.currency;
    if (this.state.currency !== null && currency !== this.state.currency) {
      return fail('MIXED_CURRENCIES', `${product.name} is priced in ${currency}, the cart in ${this.state.currency}; buy it separately.`, 'productId');
    }
    const existing = this.lineOf(productId);
    if (!existing && this.state.lines.length >= MAX_CART_LINES) return fail('TOO_MANY_LINES', `A cart holds at most ${MAX_CART_LINES} products.`, 'productId');
    const lines = existing
      ? this.state.lines.map((line) => (line.productId === productId ? { productId, quantity } : line))
      : [...this.state.lines, { productId, quantity }];
    this.state = { ...this.state, lines, currency };
    return ok(undefined);
  }

  private lineOf(productId: string): CartLine | undefined {
    return this.state.lines.find((line) => line.productId === productId);
  }
}

function checkQuantity(quantity: number, least: 0 | 1): Result<void> {
  if (!Number.isSafeInteger(quantity) || quantity < least || quantity > MAX_LINE_QUANTITY) {
    return fail('INVALID_QUANTITY', `A quantity is a whole number from ${least} to ${MAX_LINE_QUANTITY}, got ${quantity}.`, 'quantity');
  }
  return ok(undefined);
}
