import { appendToOutbox } from '@storefront/messaging';
import type { Reservation } from '../domain/reservation.aggregate';
import type { ReservationRepository } from '../domain/reservation.repository';
import type { Prisma } from './prisma/generated/client';
import { ReservationRows, toDomain, toIntegrationEvent } from './reservation.mapper';

/** Works inside the transaction of the event handler that changes the reservation. */
export class PrismaReservationRepository implements ReservationRepository {
  /** Orders whose reservation row `lockFor` found: saving those updates, saving others inserts. */
  private readonly stored = new Set<string>();

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
    // In SQL, one statement with its lines: every order placed looks for its reservation here.
    const [row] = ReservationRows.parse(
      await this.tx.$queryRaw`
      SELECT r.order_id::text AS "orderId", r.status::text,
             (SELECT coalesce(json_agg(json_build_object('productId', l.product_id, 'warehouseId', l.warehouse_id, 'quantity', l.quantity)), '[]')
                FROM reservation_lines l WHERE l.order_id = r.order_id) AS lines
        FROM reservations r WHERE r.order_id = ${orderId}::uuid`,
    );
    if (!row) return null;
    this.stored.add(orderId);
    return toDomain(row);
  }

  /**
   * Lines are written once, when the reservation is made (one statement with its row); later
   * changes only move its status. Under the order's lock, whether the row exists is already known.
   */
  async save(reservation: Reservation): Promise<void> {
    const { orderId, status, lines } = reservation.snapshot();
    if (this.stored.has(orderId)) {
      await this.tx.reservation.updateMany({ where: { orderId }, data: { status } });
    } else {
      await this.tx.$executeRaw`
        WITH reservation AS (INSERT INTO reservations (order_id, status, updated_at) VALUES (${orderId}::uuid, ${status}::"ReservationStatus", now()))
        INSERT INTO reservation_lines (order_id, product_id, warehouse_id, quantity)
        SELECT ${orderId}::uuid, line.product_id, line.warehouse_id, line.quantity
          FROM unnest(${lines.map((l) => l.productId)}::text[], ${lines.map((l) => l.warehouseId)}::text[], ${lines.map((l) => l.quantity)}::int[])
            AS line(product_id, warehouse_id, quantity)`;
      this.stored.add(orderId);
    }
    const events = reservation.pullEvents().flatMap((event) => toIntegrationEvent(event, this.causationId) ?? []);
    await appendToOutbox(this.tx, events);
  }
}
