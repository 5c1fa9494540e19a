import type { OrderLine } from './order-line';
import type { StatusReason } from './order-status';

/** Why inventory could not reserve one line. */
export interface RefusedLine {
  productId: string;
  requested: number;
  available: number;
  reason: 'INSUFFICIENT_STOCK' | 'UNKNOWN_PRODUCT';
}

/** Why the order is rejected for stock, naming the lines by the names the order keeps. */
export function stockUnavailable(refused: readonly RefusedLine[], lines: readonly OrderLine[]): StatusReason {
  const names = new Map(lines.map((line) => [line.productId, line.name]));
  const parts = refused.map(({ productId, requested, available, reason }) => {
    const name = names.get(productId) ?? productId;
    return reason === 'UNKNOWN_PRODUCT' ? `${name} is not stocked` : `${name}: ${requested} ordered, ${available} available`;
  });
  return { code: 'STOCK_UNAVAILABLE', message: `Not enough stock: ${parts.join('; ')}.` };
}

/** Why the order is rejected when promotions refused to redeem one of its promotions (quoted as a phrase). */
export function promotionUnavailable(code: string | null, reason: string): StatusReason {
  const which = code ? `the coupon ${code}` : 'a promotion it applied';
  return { code: 'PROMOTION_UNAVAILABLE', message: `The order could not use ${which}: ${reason.trim().replace(/[.\s]+$/, '')}.` };
}
