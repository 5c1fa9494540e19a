import { Money } from '../domain/money.value-object';
import { Order, type OrderState } from '../domain/order.aggregate';
import type { StatusReasonCode } from '../domain/order-status';
import type { Order as OrderRow, OrderLine as OrderLineRow, Prisma } from './prisma/generated/client';

export function toDomain(row: OrderRow, lines: readonly OrderLineRow[]): Order {
  return Order.restore({
    id: row.id,
    customerId: row.customerId,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    lines: [...lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({ productId: line.productId, name: line.name, quantity: line.quantity, unitPrice: Money.of(line.unitPriceAmount, line.currency) })),
    total: Money.of(row.totalAmount, row.currency),
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
    shipment: row.carrier !== null && row.trackingNumber !== null ? { carrier: row.carrier, trackingNumber: row.trackingNumber } : null,
    placedAt: row.placedAt,
    version: row.version,
  });
}

/** What changes after an order is placed: its lines, total and address never do. */
export function toProgress(state: OrderState, now: Date) {
  return {
    status: state.status,
    statusReasonCode: state.statusReason?.code ?? null,
    statusReasonMessage: state.statusReason?.message ?? null,
    carrier: state.shipment?.carrier ?? null,
    trackingNumber: state.shipment?.trackingNumber ?? null,
    updatedAt: now,
  };
}

export function toNewOrderRow(state: OrderState): Prisma.OrderCreateInput {
  const { shippingAddress: address } = state;
  return {
    id: state.id,
    customerId: state.customerId,
    idempotencyKey: state.idempotencyKey,
    totalAmount: state.total.amount,
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
  };
}
