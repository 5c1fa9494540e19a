import { OrderRedemption } from '../domain/order-redemption.aggregate';
import type { OrderRedemption as OrderRedemptionRow, Redemption as RedemptionRow } from './prisma/generated/client';

export function toDomain(row: OrderRedemptionRow & { redemptions: RedemptionRow[] }): OrderRedemption {
  const { refusedPromotionId: promotionId, refusedCode: code, refusalReason: reason } = row;
  const refusal = promotionId !== null && reason !== null ? { promotionId, code, reason } : null;
  return OrderRedemption.restore({
    orderId: row.orderId,
    customerId: row.customerId,
    status: row.status,
    promotionIds: row.redemptions.map((redemption) => redemption.promotionId).sort(),
    refusal,
    at: row.updatedAt,
  });
}
