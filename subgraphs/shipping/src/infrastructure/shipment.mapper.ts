import { DispatchRequestedV1, ShipmentDeliveredV1, ShipmentDispatchedV1 } from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import { Shipment, type ShipmentState } from '../domain/shipment.aggregate';
import type { ShipmentEvent } from '../domain/shipment-events';
import type { Prisma, Shipment as ShipmentRow, ShipmentLine as ShipmentLineRow } from './prisma/generated/client';

export function toDomain(row: ShipmentRow & { lines: ShipmentLineRow[] }): Shipment {
  return Shipment.restore({
    id: row.id,
    orderId: row.orderId,
    customerId: row.customerId,
    status: row.status,
    address: { name: row.recipientName, line1: row.addressLine1, line2: row.addressLine2, city: row.city, postalCode: row.postalCode, country: row.country },
    lines: row.lines.map(({ productId, quantity }) => ({ productId, quantity })),
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    dispatchedAt: row.dispatchedAt,
    deliveredAt: row.deliveredAt,
    cancelledAt: row.cancelledAt,
  });
}

/** What changes after a shipment is made: its status and what came with it. */
export function toPersistence(state: ShipmentState) {
  const { status, carrier, trackingNumber, dispatchedAt, deliveredAt, cancelledAt } = state;
  return { status, carrier, trackingNumber, dispatchedAt, deliveredAt, cancelledAt };
}

export function toNewRow(state: ShipmentState): Prisma.ShipmentCreateInput {
  const { address } = state;
  return {
    id: state.id,
    orderId: state.orderId,
    customerId: state.customerId,
    recipientName: address.name,
    addressLine1: address.line1,
    addressLine2: address.line2,
    city: address.city,
    postalCode: address.postalCode,
    country: address.country,
    ...toPersistence(state),
    lines: { createMany: { data: state.lines } },
  };
}

/**
 * What the rest of the saga hears, in the order's saga (correlated by its id). A cancelled
 * shipment concerns nobody else: ordering cancelled it.
 */
export function toIntegrationEvent(event: ShipmentEvent, causationId: string | null): OutgoingEvent | null {
  const about = { aggregateId: event.aggregateId, occurredAt: event.occurredAt, correlationId: event.orderId, causationId };
  switch (event.type) {
    case 'ShipmentDispatchRequested':
      return { ...about, contract: DispatchRequestedV1, payload: { orderId: event.orderId, shipmentId: event.aggregateId } };
    case 'ShipmentDispatched': {
      const { orderId, aggregateId: shipmentId, carrier, trackingNumber, lines } = event;
      return { ...about, contract: ShipmentDispatchedV1, payload: { orderId, shipmentId, carrier, trackingNumber, lines } };
    }
    case 'ShipmentDelivered':
      return { ...about, contract: ShipmentDeliveredV1, payload: { orderId: event.orderId, shipmentId: event.aggregateId } };
    case 'ShipmentCancelled':
      return null;
  }
}
