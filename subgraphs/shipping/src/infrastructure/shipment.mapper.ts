import { DispatchRequestedV1, ShipmentDeliveredV1, ShipmentDispatchedV1 } from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import { Shipment, type ShipmentState } from '../domain/shipment.aggregate';
import type { ShipmentEvent } from '../domain/shipment-events';
import { z } from 'zod';
import { $Enums, type Shipment as ShipmentRow, type ShipmentLine as ShipmentLineRow } from './prisma/generated/client';

/** A shipment's row and lines as the domain needs them (not when it was created, nor which shipment a line is of). */
export type ShipmentRecord = Omit<ShipmentRow, 'createdAt'> & { lines: Pick<ShipmentLineRow, 'productId' | 'quantity'>[] };

/** Shipments read in SQL with their lines: checked, not cast, since the database and not the compiler says what they hold. */
export const ShipmentRecords = z.array(
  z.object({
    id: z.string(),
    orderId: z.string(),
    customerId: z.string(),
    status: z.enum($Enums.ShipmentStatus),
    recipientName: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string().nullable(),
    city: z.string(),
    postalCode: z.string(),
    country: z.string(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    dispatchedAt: z.date().nullable(),
    deliveredAt: z.date().nullable(),
    cancelledAt: z.date().nullable(),
    lines: z.array(z.object({ productId: z.string(), quantity: z.number().int() })),
  }),
);

export function toDomain(row: ShipmentRecord): Shipment {
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
