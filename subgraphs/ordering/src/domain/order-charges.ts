import { Money } from './money.value-object';
import type { CartCharges } from './cart-pricing';

/** A promotion as the order applied it, and what it took off. */
export interface OrderPromotion {
  promotionId: string;
  code: string | null;
  description: string;
  amount: Money;
}

/** The carrier the customer chose at checkout, as shipping quoted it. */
export interface ShippingChoice {
  carrier: string;
  days: number;
}

/**
 * How an order's total came about, kept as it was at checkout:
 * total = subtotal - discount + shipping + tax, never below zero.
 */
export interface OrderCharges {
  subtotal: Money;
  discount: Money;
  shipping: Money;
  tax: Money;
  appliedPromotions: readonly OrderPromotion[];
  shippingOption: ShippingChoice | null;
}

/** The lines only: what placeOrder charges (no discount, shipping or tax). */
export function linesOnly(subtotal: Money): OrderCharges {
  const zero = Money.zero(subtotal.currency);
  return { subtotal, discount: zero, shipping: zero, tax: zero, appliedPromotions: [], shippingOption: null };
}

/** A cart's charges as the order keeps them. */
export function fromCart(charges: CartCharges, shippingOption: ShippingChoice | null): { charges: OrderCharges; total: Money } {
  const money = (amount: number) => Money.of(amount, charges.currency);
  return {
    charges: {
      subtotal: money(charges.subtotal),
      discount: money(charges.discount),
      shipping: money(charges.shipping),
      tax: money(charges.tax),
      appliedPromotions: charges.appliedPromotions.map((promotion) => ({ ...promotion, amount: money(promotion.amount) })),
      shippingOption,
    },
    total: money(charges.total),
  };
}
