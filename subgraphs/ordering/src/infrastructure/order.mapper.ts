import { Money } from '../domain/money.value-object';
import { Order, type OrderState } from '../domain/order.aggregate';
import type { StatusReasonCode } from '../domain/order-status';
import type { Order as OrderRow, OrderLine as OrderLineRow, OrderPromotion as OrderPromotionRow, Prisma } from './prisma/generated/client';

/** The rows as the domain needs them (not the database's bookkeeping: when a row last changed, which order a line is of). */
export type OrderRecord = Omit<OrderRow, 'updatedAt'>;
export type OrderLineRecord = Omit<OrderLineRow, 'orderId'>;
export type OrderPromotionRecord = Omit<OrderPromotionRow, 'orderId'>;

export function toDomain(row: OrderRecord, lines: readonly OrderLineRecord[], promotions: readonly OrderPromotionRecord[]): Order {
  const money = (amount: number) => Money.of(amount, row.currency);
  return Order.restore({
    id: row.id,
    customerId: row.customerId,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    lines: [...lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ productId: line.productId, name: line.name, quantity: line.quantity, unitPrice: Money.of(line.unitPriceAmount, line.currency) })),
    total: money(row.totalAmount),
    charges: {
      subtotal: money(row.subtotalAmount),
      discount: money(row.discountAmount),
      shipping: money(row.shippingAmount),
      tax: money(row.taxAmount),
      appliedPromotions: [...promotions]
        .sort((a, b) => a.position - b.position)
        .map((promotion) => ({ promotionId: promotion.promotionId, code: promotion.code, description: promotion.description, amount: money(promotion.amount) })),
      shippingOption: row.shippingCarrier !== null && row.shippingDays !== null ? { carrier: row.shippingCarrier, days: row.shippingDays } : null,
    },
    awaitingRedemption: row.awaitingRedemption,
    contactEmail: row.contactEmail,
    shippingAddress: {
      name: row.shipToName,
      line1: row.shipToLine1,
      line2: row.shipToLine2,
      city: row.shipToCity,
      postalCode: row.shipToPostalCode,
      country: row.shipToCountry,
    },
    statusReason:
      row.statusReasonCode !== null && row.statusReasonMessage !== null
        ? { code: row.statusReasonCode as StatusReasonCode, message: row.statusReasonMessage }
        : null,
    statusSince: row.statusSince,
    releasedForDispatch: row.releasedForDispatch,
    shipment: row.carrier !== null && row.trackingNumber !== null ? { carrier: row.carrier, trackingNumber: row.trackingNumber } : null,
    placedAt: row.placedAt,
    version: row.version,
  });
}

/** What changes after an order is placed: its lines, charges and address never do. */
export function toProgress(state: OrderState, now: Date) {
  return {
    status: state.status,
    awaitingRedemption: state.awaitingRedemption,
    statusSince: state.statusSince,
    releasedForDispatch: state.releasedForDispatch,
    statusReasonCode: state.statusReason?.code ?? null,
    statusReasonMessage: state.statusReason?.message ?? null,
    carrier: state.shipment?.carrier ?? null,
    trackingNumber: state.shipment?.trackingNumber ?? null,
    updatedAt: now,
  };
}

export function toNewOrderRow(state: OrderState): Prisma.OrderCreateInput {
  const { shippingAddress: address, charges } = state;
  return {
    id: state.id,
    customerId: state.customerId,
    idempotencyKey: state.idempotencyKey,
    totalAmount: state.total.amount,
    subtotalAmount: charges.subtotal.amount,
    discountAmount: charges.discount.amount,
    shippingAmount: charges.shipping.amount,
    taxAmount: charges.tax.amount,
    shippingCarrier: charges.shippingOption?.carrier ?? null,
    shippingDays: charges.shippingOption?.days ?? null,
    currency: state.total.currency,
    contactEmail: state.contactEmail,
    shipToName: address.name,
    shipToLine1: address.line1,
    shipToLine2: address.line2,
    shipToCity: address.city,
    shipToPostalCode: address.postalCode,
    shipToCountry: address.country,
    placedAt: state.placedAt,
    ...toProgress(state, state.placedAt),
    lines: {
      createMany: {
        data: state.lines.map((line, position) => ({
          position,
          productId: line.productId,
          name: line.name,
          quantity: line.quantity,
          unitPriceAmount: line.unitPrice.amount,
          currency: line.unitPrice.currency,
        })),
      },
    },
    promotions: {
      createMany: {
        data: charges.appliedPromotions.map((promotion, position) => ({
          position,
          promotionId: promotion.promotionId,
          code: promotion.code,
          description: promotion.description,
          amount: promotion.amount.amount,
        })),
      },
    },
  };
}
