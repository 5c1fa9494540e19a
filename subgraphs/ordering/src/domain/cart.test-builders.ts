import { Cart, type CartLine } from './cart.aggregate';
import type { PricedLine } from './cart-pricing';
import type { Promotion } from './promotion';
import { MUG, aPricedProduct, now } from './order.test-builders';

export const KITCHEN = '5c1e0000-0000-4000-8000-0000000000c1';
export const GARDEN = '5c1e0000-0000-4000-8000-0000000000c2';

let promotions = 0;

/** A live automatic 10 % off everything, unless told otherwise; each with an id of its own. */
export function aPromotion(overrides: Partial<Promotion> = {}): Promotion {
  promotions += 1;
  return {
    promotionId: `9a0b0000-0000-4000-8000-${String(promotions).padStart(12, '0')}`,
    code: null,
    description: '10 % off everything',
    kind: 'PERCENT_OFF',
    percentOff: 10,
    amountOff: null,
    productIds: [],
    categoryIds: [],
    minimumSubtotal: null,
    startsAt: new Date(now.getTime() - 86_400_000),
    endsAt: null,
    ...overrides,
  };
}

export const aCoupon = (code: string, overrides: Partial<Promotion> = {}): Promotion => aPromotion({ code, description: `Coupon ${code}`, ...overrides });

/** A priced line of mugs at 12.99 EUR in the kitchen category. */
export function aPricedLine(overrides: Partial<PricedLine> = {}): PricedLine {
  return { productId: MUG, name: 'Enamel mug', quantity: 1, unitPrice: 1299, categoryId: KITCHEN, ...overrides };
}

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** An empty cart of customer-1, or one holding the given lines in EUR. */
export function aCart(lines: CartLine[] = [], coupon: string | null = null): Cart {
  return Cart.restore({ id: 'c4a70000-0000-4000-8000-000000000001', customerId: 'customer-1', lines, currency: lines.length ? 'EUR' : null, coupon, version: 1 });
}

/** A product to put in a cart, with an id made from a number. */
export const productNo = (n: number) => aPricedProduct({ productId: `7d2f1a52-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Product ${n}` });
