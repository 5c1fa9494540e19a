import { z } from 'zod';
import type { Environment } from '@storefront/kernel';
import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Order } from '../domain/order.aggregate';
import { IdempotencyKeyTakenError, type OrderRepository, type OrdersByIdempotencyKey } from '../domain/order.repository';
import { orderChanged, toIntegrationEvent } from './events/ordering-integration-events';
import type { OrderingDb } from './ordering-database';
import { toDomain, toNewOrderRow, toProgress } from './order.mapper';
import { orderStatusTransitions } from './order-status-metrics';
import { $Enums, Prisma } from './prisma/generated/client';

type Tx = Prisma.TransactionClient;

/**
 * An order locked and read with its lines and promotions in one statement, its columns named as
 * `toDomain` reads them. Every saga step does this, so it is written in SQL: a typed read costs
 * Prisma's query compiler and interpreter more CPU than the statement costs PostgreSQL. When the
 * row was locked by another transaction, PostgreSQL reads the order's row again as that one left
 * it; its lines and promotions, read as the statement began, are the same either way: they are
 * written with the order and never change.
 */
const LOCK_ORDER = `
  SELECT o.id::text, o.customer_id AS "customerId", o.idempotency_key AS "idempotencyKey", o.status::text,
         o.total_amount AS "totalAmount", o.subtotal_amount AS "subtotalAmount", o.discount_amount AS "discountAmount",
         o.shipping_amount AS "shippingAmount", o.tax_amount AS "taxAmount", o.currency, o.shipping_carrier AS "shippingCarrier",
         o.shipping_days AS "shippingDays", o.awaiting_redemption AS "awaitingRedemption", o.contact_email AS "contactEmail",
         o.ship_to_name AS "shipToName", o.ship_to_line1 AS "shipToLine1", o.ship_to_line2 AS "shipToLine2", o.ship_to_city AS "shipToCity",
         o.ship_to_postal_code AS "shipToPostalCode", o.ship_to_country AS "shipToCountry", o.status_reason_code AS "statusReasonCode",
         o.status_reason_message AS "statusReasonMessage", o.status_since AS "statusSince", o.released_for_dispatch AS "releasedForDispatch",
         o.carrier, o.tracking_number AS "trackingNumber", o.placed_at AS "placedAt", o.version,
         (SELECT coalesce(json_agg(json_build_object('position', l.position, 'productId', l.product_id, 'name', l.name, 'quantity', l.quantity,
                                                     'unitPriceAmount', l.unit_price_amount, 'currency', l.currency) ORDER BY l.position), '[]')
            FROM order_lines l WHERE l.order_id = o.id) AS lines,
         (SELECT coalesce(json_agg(json_build_object('position', p.position, 'promotionId', p.promotion_id, 'code', p.code,
                                                     'description', p.description, 'amount', p.amount) ORDER BY p.position), '[]')
            FROM order_promotions p WHERE p.order_id = o.id) AS promotions
    FROM orders o WHERE o.id = $1::uuid FOR UPDATE OF o`;

/** LOCK_ORDER's row: checked, not cast, since the database and not the compiler says what it holds. */
const LockedOrderRows = z.array(
  z.object({
    id: z.string(),
    customerId: z.string(),
    idempotencyKey: z.string(),
    status: z.enum($Enums.OrderStatus),
    totalAmount: z.number().int(),
    subtotalAmount: z.number().int(),
    discountAmount: z.number().int(),
    shippingAmount: z.number().int(),
    taxAmount: z.number().int(),
    currency: z.string(),
    shippingCarrier: z.string().nullable(),
    shippingDays: z.number().int().nullable(),
    awaitingRedemption: z.boolean(),
    contactEmail: z.string(),
    shipToName: z.string(),
    shipToLine1: z.string(),
    shipToLine2: z.string().nullable(),
    shipToCity: z.string(),
    shipToPostalCode: z.string(),
    shipToCountry: z.string(),
    statusReasonCode: z.string().nullable(),
    statusReasonMessage: z.string().nullable(),
    statusSince: z.date(),
    releasedForDispatch: z.boolean(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    placedAt: z.date(),
    version: z.number().int(),
    lines: z.array(z.object({ position: z.number().int(), productId: z.string(), name: z.string(), quantity: z.number().int(), unitPriceAmount: z.number().int(), currency: z.string() })),
    promotions: z.array(z.object({ position: z.number().int(), promotionId: z.string(), code: z.string().nullable(), description: z.string(), amount: z.number().int() })),
  }),
);

/**
 * Orders inside one transaction: the order's rows and its integration events in the outbox commit
 * together. In an event handler, `causationId` is the id of the event being handled.
 */
export class PrismaOrderRepository implements OrderRepository {
  /** The status of each order as it was locked, to count the transition it makes when saved. */
  private readonly lockedStatus = new Map<string, string>();

  constructor(
    private readonly tx: Tx,
    private readonly env: Environment,
    private readonly causationId: string | null = null,
  ) {}

  async lockFor(id: string): Promise<Order | null> {
    if (!isUuid(id)) return null;
    const [locked] = LockedOrderRows.parse(await this.tx.$queryRawUnsafe(LOCK_ORDER, id));
    if (!locked) return null;
    const { lines, promotions, ...row } = locked;
    this.lockedStatus.set(id, row.status);
    return toDomain(row, lines, promotions);
  }

  async add(order: Order): Promise<void> {
    const state = order.snapshot();
    try {
      await this.tx.order.create({ data: toNewOrderRow(state) });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new IdempotencyKeyTakenError(state.customerId, state.idempotencyKey);
      }
      throw error;
    }
    await this.publish(order, state.version);
    orderStatusTransitions.inc({ from: 'none', to: state.status });
  }

  async save(order: Order): Promise<void> {
    const state = order.snapshot();
    const progress = toProgress(state, this.env.now());
    await this.tx.$executeRaw`
      UPDATE orders SET status = ${progress.status}::"OrderStatus", awaiting_redemption = ${progress.awaitingRedemption},
             status_since = ${progress.statusSince}, released_for_dispatch = ${progress.releasedForDispatch},
             status_reason_code = ${progress.statusReasonCode}, status_reason_message = ${progress.statusReasonMessage},
             carrier = ${progress.carrier}, tracking_number = ${progress.trackingNumber}, updated_at = ${progress.updatedAt},
             version = version + 1
       WHERE id = ${state.id}::uuid`;
    await this.publish(order, state.version + 1);
    const from = this.lockedStatus.get(state.id);
    if (from !== undefined && from !== state.status) orderStatusTransitions.inc({ from, to: state.status });
    this.lockedStatus.set(state.id, state.status);
  }

  /** The order's integration events, then one announcement that this version of the order is committed. */
  private async publish(order: Order, version: number): Promise<void> {
    const state = order.snapshot();
    const domainEvents = order.pullEvents();
    const events = domainEvents.flatMap((event) => toIntegrationEvent(state, event, this.causationId) ?? []);
    const occurredAt = domainEvents.at(-1)?.occurredAt ?? this.env.now();
    events.push(orderChanged(state, version, occurredAt, this.causationId));
    await appendToOutbox(this.tx, events);
  }
}

export class PrismaOrdersByIdempotencyKey implements OrdersByIdempotencyKey {
  constructor(private readonly db: OrderingDb | Tx) {}

  find(customerId: string, idempotencyKey: string): Promise<{ id: string } | null> {
    return this.db.order.findUnique({ where: { customerId_idempotencyKey: { customerId, idempotencyKey } }, select: { id: true } });
  }
}
