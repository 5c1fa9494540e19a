import type { ShippingRate } from '../domain/shipping-rate';
import type { ShippingRate as ShippingRateRow } from './prisma/generated/client';

export function toDomain(row: ShippingRateRow): ShippingRate {
  return {
    country: row.country,
    carrier: row.carrier,
    currency: row.currency,
    baseAmount: row.baseAmount,
    perKgAmount: row.perKgAmount,
    fragileSurchargeAmount: row.fragileSurchargeAmount,
    days: row.days,
  };
}
