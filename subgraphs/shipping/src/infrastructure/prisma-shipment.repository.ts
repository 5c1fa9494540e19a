import { z } from 'zod';
import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Shipment } from '../domain/shipment.aggregate';
import type { CancelledOrders, ShipmentRepository } from '../domain/shipment.repository';
import type { Prisma } from './prisma/generated/client';
import { ShipmentRecords, toDomain, toIntegrationEvent, toPersistence } from './shipment.mapper';

const Exists = z.array(z.object({ cancelled: z.boolean() }));

type Tx = Prisma.TransactionClient;

/**
 * A shipment with its lines in one statement, its columns named as `toDomain` reads them. Every
 * confirmed order reads and makes a shipment, so these are written in SQL: Prisma plans each typed
 * call with its query compiler first, and a typed create with lines reads the shipment back.
 */
const SHIPMENT_OF_ORDER = `
  SELECT s.id::text, s.order_id::text AS "orderId", s.customer_id AS "customerId", s.status::text, s.recipient_name AS "recipientName",
         s.address_line1 AS "addressLine1", s.address_line2 AS "addressLine2", s.city, s.postal_code AS "postalCode", s.country,
         s.carrier, s.tracking_number AS "trackingNumber", s.dispatched_at AS "dispatchedAt", s.delivered_at AS "deliveredAt",
         s.cancelled_at AS "cancelledAt",
         (SELECT coalesce(json_agg(json_build_object('productId', l.product_id, 'quantity', l.quantity) ORDER BY l.product_id), '[]')
            FROM shipment_lines l WHERE l.shipment_id = s.id) AS lines
    FROM shipments s WHERE s.order_id = $1::uuid`;

/** Works inside one transaction: an event handler's, or a mutation's. */
export class PrismaShipmentRepository implements ShipmentRepository {
  constructor(
    private readonly tx: Tx,
    /** The event being handled, if any: the cause of whatever the shipment publishes. */
    private readonly causationId: string | null = null,
  ) {}

  /**
   * A transaction-scoped advisory lock on the order id, taken before the row is read: it also
   * serializes a confirmation and a cancellation of an order that has no shipment yet, which a
   * row lock could not. An id that is no order id has no shipment.
   */
  async lockFor(orderId: string): Promise<Shipment | null> {
    if (!isUuid(orderId)) return null;
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`shipping.shipment:${orderId}`}, 0))`;
    const [row] = ShipmentRecords.parse(await this.tx.$queryRawUnsafe(SHIPMENT_OF_ORDER, orderId));
    return row ? toDomain(row) : null;
  }

  /** The shipment and its lines in one statement. */
  async add(shipment: Shipment): Promise<void> {
    const state = shipment.snapshot();
    const { address } = state;
    const { status, carrier, trackingNumber, dispatchedAt, deliveredAt, cancelledAt } = toPersistence(state);
    const values: unknown[] = [state.id, state.orderId, state.customerId, status, address.name, address.line1, address.line2, address.city, address.postalCode, address.country];
    values.push(carrier, trackingNumber, dispatchedAt, deliveredAt, cancelledAt);
    const lines = state.lines.map(({ productId, quantity }) => `($1::uuid, $${values.push(productId)}, $${values.push(quantity)}::int)`);
    const insertShipment = `INSERT INTO shipments (id, order_id, customer_id, status, recipient_name, address_line1, address_line2, city, postal_code, country,
                                                   carrier, tracking_number, dispatched_at, delivered_at, cancelled_at)
      VALUES ($1::uuid, $2::uuid, $3, $4::"ShipmentStatus", $5, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz, $14::timestamptz, $15::timestamptz)`;
    await this.tx.$executeRawUnsafe(
      lines.length === 0 ? insertShipment : `WITH shipment AS (${insertShipment} RETURNING id) INSERT INTO shipment_lines (shipment_id, product_id, quantity) VALUES ${lines.join(', ')}`,
      ...values,
    );
    await this.publish(shipment);
  }

  async save(shipment: Shipment): Promise<void> {
    const state = shipment.snapshot();
    await this.tx.shipment.update({ where: { id: state.id }, data: toPersistence(state) });
    await this.publish(shipment);
  }

  private async publish(shipment: Shipment): Promise<void> {
    await appendToOutbox(this.tx, shipment.pullEvents().flatMap((event) => toIntegrationEvent(event, this.causationId) ?? []));
  }
}

export class PrismaCancelledOrders implements CancelledOrders {
  constructor(private readonly tx: Tx) {}

  async has(orderId: string): Promise<boolean> {
    const [row] = Exists.parse(await this.tx.$queryRaw`SELECT EXISTS (SELECT 1 FROM cancelled_orders WHERE order_id = ${orderId}::uuid) AS cancelled`);
    return row?.cancelled ?? false;
  }

  async record(orderId: string, at: Date): Promise<void> {
    await this.tx.cancelledOrder.createMany({ data: [{ orderId, cancelledAt: at }], skipDuplicates: true });
  }
}
