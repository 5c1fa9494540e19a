import { z } from 'zod';
import { StockReservationFailedV1, StockReservedV1 } from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import { Reservation, type ReservationStatus } from '../domain/reservation.aggregate';
import type { ReservationEvent } from '../domain/reservation-events';
import { $Enums } from './prisma/generated/client';

interface ReservationRow {
  orderId: string;
  status: ReservationStatus;
  lines: { productId: string; warehouseId: string; quantity: number }[];
}

/** A reservation read in SQL with its lines: checked, not cast, since the database and not the compiler says what it holds. */
export const ReservationRows = z.array(
  z.object({
    orderId: z.string(),
    status: z.enum($Enums.ReservationStatus),
    lines: z.array(z.object({ productId: z.string(), warehouseId: z.string(), quantity: z.number().int() })),
  }),
);

export function toDomain(row: ReservationRow): Reservation {
  return Reservation.restore({
    orderId: row.orderId,
    status: row.status,
    lines: row.lines.map(({ productId, warehouseId, quantity }) => ({ productId, warehouseId, quantity })),
  });
}

/**
 * What the rest of the saga hears: a reservation made or refused, in the order's saga (correlated
 * by the order id), caused by the event being handled. Releases and deductions concern nobody else.
 */
export function toIntegrationEvent(event: ReservationEvent, causationId: string | null): OutgoingEvent | null {
  const about = { aggregateId: event.aggregateId, occurredAt: event.occurredAt, correlationId: event.aggregateId, causationId };
  switch (event.type) {
    case 'StockReservedForOrder':
      return { ...about, contract: StockReservedV1, payload: { orderId: event.aggregateId, lines: event.lines } };
    case 'StockReservationRefused':
      return { ...about, contract: StockReservationFailedV1, payload: { orderId: event.aggregateId, refusedLines: event.refusedLines } };
    case 'ReservationReleased':
    case 'ReservationDeducted':
    case 'ReservationCancelledAhead':
      return null;
  }
}
