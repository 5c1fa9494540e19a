import { isLive, type Promotion } from './promotion';
import { divideHalfEven, type TaxRate } from './tax-rate.value-object';

/** A cart line priced from the price list as it is now. Amounts in minor units of the cart's currency. */
export interface PricedLine {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  categoryId: string | null;
}

/** A promotion as it applied: what it took off (the lines for PERCENT_OFF and AMOUNT_OFF, the shipping fee for FREE_SHIPPING). */
export interface AppliedPromotion {
  promotionId: string;
  code: string | null;
  description: string;
  amount: number;
}

/** What the items cost: before shipping and tax are known. */
export interface ItemsPrice {
  currency: string;
  subtotal: number;
  /** Never more than the subtotal: each promotion takes off at most what is left of the lines it applies to. */
  discount: number;
  /** The line promotions that took something off, automatic first, then the coupon. */
  lineDiscounts: AppliedPromotion[];
  /** The promotion that waives the shipping fee, if one applies. */
  freeShipping: Omit<AppliedPromotion, 'amount'> | null;
}

/** The whole bill: total = subtotal - discount + shipping + tax, never below zero. */
export interface CartCharges {
  currency: string;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  appliedPromotions: AppliedPromotion[];
}

export interface PricingInput {
  lines: readonly PricedLine[];
  currency: string;
  /** Every promotion ordering knows to be active; the ones that do not hold now or here are skipped. */
  promotions: readonly Promotion[];
  /** The cart's coupon code (normalised), if any. */
  coupon: string | null;
  now: Date;
}

const lineTotal = (line: PricedLine): number => line.unitPrice * line.quantity;

const appliesTo = (promotion: Promotion, line: PricedLine): boolean =>
  (promotion.productIds.length === 0 && promotion.categoryIds.length === 0) ||
  promotion.productIds.includes(line.productId) ||
  (line.categoryId !== null && promotion.categoryIds.includes(line.categoryId));

/** Whether the promotion is open to this cart at all: live, its code applied (or automatic), its minimum reached, its money in the cart's currency. */
function eligible(promotion: Promotion, { currency, coupon, now }: PricingInput, subtotal: number): boolean {
  if (!isLive(promotion, now)) return false;
  if (promotion.code !== null && promotion.code !== coupon) return false;
  const minimum = promotion.minimumSubtotal;
  if (minimum && (minimum.currency !== currency || subtotal < minimum.amount)) return false;
  if (promotion.kind === 'AMOUNT_OFF' && promotion.amountOff?.currency !== currency) return false;
  return true;
}

/** What a line promotion takes off what is left of the lines it applies to (`left`, per line). */
function discountOf(promotion: Promotion, lines: readonly PricedLine[], left: readonly number[]): number {
  const base = lines.reduce((sum, line, index) => sum + (appliesTo(promotion, line) ? left[index]! : 0), 0);
  if (promotion.kind === 'PERCENT_OFF') return divideHalfEven(base * (promotion.percentOff ?? 0), 100);
  if (promotion.kind === 'AMOUNT_OFF') return Math.min(promotion.amountOff?.amount ?? 0, base);
  return 0;
}

/** Takes the discount off the lines it applies to, first line first, none below zero. */
function takeOff(promotion: Promotion, amount: number, lines: readonly PricedLine[], left: number[]): void {
  let rest = amount;
  lines.forEach((line, index) => {
    if (rest === 0 || !appliesTo(promotion, line)) return;
    const taken = Math.min(rest, left[index]!);
    left[index] = left[index]! - taken;
    rest -= taken;
  });
}

/** Earliest start first, then by id: a stable order, so the same cart always prices the same. */
const byStart = (a: Promotion, b: Promotion): number => a.startsAt.getTime() - b.startsAt.getTime() || a.promotionId.localeCompare(b.promotionId);

const applied = (promotion: Promotion, amount: number): AppliedPromotion => ({
  promotionId: promotion.promotionId,
  code: promotion.code,
  description: promotion.description,
  amount,
});

/**
 * Prices the items with the promotions. How several promotions combine:
 * - automatic promotions do not stack with each other: of those that apply, the one taking off the
 *   most applies (ties: the earliest to start);
 * - the coupon (at most one per cart) stacks on top, taken off what the automatic one left;
 * - free shipping is granted once: by the coupon when it is a free-shipping coupon that applies,
 *   otherwise by the earliest automatic free-shipping promotion.
 * No promotion takes off more than what is left of the lines it applies to, so the discount never
 * exceeds the subtotal.
 */
export function priceItems(input: PricingInput): ItemsPrice {
  const { lines } = input;
  const subtotal = lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const open = input.promotions.filter((promotion) => eligible(promotion, input, subtotal) && lines.some((line) => appliesTo(promotion, line))).sort(byStart);
  const left = lines.map(lineTotal);
  const lineDiscounts: AppliedPromotion[] = [];

  let best: { promotion: Promotion; amount: number } | null = null;
  for (const promotion of open.filter((p) => p.code === null && p.kind !== 'FREE_SHIPPING')) {
    const amount = discountOf(promotion, lines, left);
    if (amount > 0 && (!best || amount > best.amount)) best = { promotion, amount };
  }
  if (best) {
    takeOff(best.promotion, best.amount, lines, left);
    lineDiscounts.push(applied(best.promotion, best.amount));
  }
  const coupon = open.find((p) => p.code !== null);
  if (coupon && coupon.kind !== 'FREE_SHIPPING') {
    const amount = discountOf(coupon, lines, left);
    if (amount > 0) {
      takeOff(coupon, amount, lines, left);
      lineDiscounts.push(applied(coupon, amount));
    }
  }
  const waiver = coupon?.kind === 'FREE_SHIPPING' ? coupon : open.find((p) => p.code === null && p.kind === 'FREE_SHIPPING');
  const discount = lineDiscounts.reduce((sum, promotion) => sum + promotion.amount, 0);
  return { currency: input.currency, subtotal, discount, lineDiscounts, freeShipping: waiver ? { promotionId: waiver.promotionId, code: waiver.code, description: waiver.description } : null };
}

/**
 * The bill with the shipping fee shipping quoted (0 while none is chosen) and the destination's tax
 * rate: tax on (subtotal - discount + shipping), rounded once per order, half to even.
 */
export function chargeFor(items: ItemsPrice, quotedShipping: number, taxRate: TaxRate | null): CartCharges {
  const shipping = items.freeShipping ? 0 : quotedShipping;
  const taxable = items.subtotal - items.discount + shipping;
  const tax = taxRate ? taxRate.taxOn(taxable) : 0;
  const appliedPromotions = items.freeShipping ? [...items.lineDiscounts, { ...items.freeShipping, amount: quotedShipping }] : [...items.lineDiscounts];
  return { currency: items.currency, subtotal: items.subtotal, discount: items.discount, shipping, tax, total: Math.max(0, taxable + tax), appliedPromotions };
}
