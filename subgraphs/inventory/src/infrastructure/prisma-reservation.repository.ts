import { appendToOutbox } from '@storefront/messaging';
import type { Reservation } from '../domain/reservation.aggregate';
import type { ReservationRepository } from '../domain/reservation.repository';
import type { Prisma } from './prisma/generated/client';
import { toDomain, toIntegrationEvent } from './reservation.mapper';

/** Works inside the transaction of the event handler that changes the reservation. */
export class PrismaReservationRepository implements ReservationRepository {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    /** The event being handled: the cause of whatever the reservation publishes. */
    private readonly causationId: string | null,
  ) {}

  /**
   * A transaction-scoped advisory lock on the order id, taken before the row is read: it also
   * serializes two events about an order that has no reservation row yet (placed and cancelled
   * arriving together), which a row lock could not.
   */
  async lockFor(orderId: string): Promise<Reservation | null> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`inventory.reservation:${orderId}`}, 0))`;
    const row = await this.tx.reservation.findUnique({ where: { orderId }, include: { lines: true } });
    return row ? toDomain(row) : null;
  }

  /** Lines are written once, when the reservation is made; later changes only move its status. */
  async save(reservation: Reservation): Promise<void> {
    const { orderId, status, lines } = reservation.snapshot();
    await this.tx.reservation.upsert({
      where: { orderId },
      create: { orderId, status, lines: { createMany: { data: lines } } },
      update: { status },
    });
    const events = reservation.pullEvents().flatMap((event) => toIntegrationEvent(event, this.causationId) ?? []);
    await appendToOutbox(this.tx, events);
  }
}
