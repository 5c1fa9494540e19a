import { ConcurrentModificationError, type Environment } from '@storefront/kernel';
import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Order } from '../domain/order.aggregate';
import { IdempotencyKeyTakenError, type OrderRepository, type OrdersByIdempotencyKey, type OrderTransactions } from '../domain/order.repository';
import { toIntegrationEvent } from './events/ordering-integration-events';
import type { OrderingDb } from './ordering-database';
import { toDomain, toNewOrderRow, toProgress } from './order.mapper';
import { Prisma, type Order as OrderRow } from './prisma/generated/client';

type Tx = Prisma.TransactionClient;

/**
 * Orders inside one transaction: the order's rows and its integration events in the outbox commit
 * together. In an event handler, `causationId` is the id of the event being handled.
 */
export class PrismaOrderRepository implements OrderRepository {
  constructor(
    private readonly tx: Tx,
    private readonly env: Environment,
    private readonly causationId: string | null = null,
  ) {}

  async findForUpdate(id: string): Promise<Order | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.tx.$queryRaw<OrderRow[]>`
      SELECT id, customer_id AS "customerId", idempotency_key AS "idempotencyKey", status::text AS status,
             total_amount AS "totalAmount", subtotal_amount AS "subtotalAmount", discount_amount AS "discountAmount",
             shipping_amount AS "shippingAmount", tax_amount AS "taxAmount", shipping_carrier AS "shippingCarrier",
             shipping_days AS "shippingDays", awaiting_redemption AS "awaitingRedemption", currency, contact_email AS "contactEmail",
             ship_to_name AS "shipToName", ship_to_line1 AS "shipToLine1", ship_to_line2 AS "shipToLine2",
             ship_to_city AS "shipToCity", ship_to_postal_code AS "shipToPostalCode", ship_to_country AS "shipToCountry",
             status_reason_code AS "statusReasonCode", status_reason_message AS "statusReasonMessage",
             carrier, tracking_number AS "trackingNumber", placed_at AS "placedAt", updated_at AS "updatedAt", version
        FROM orders WHERE id = ${id}::uuid FOR UPDATE`;
    if (!row) return null;
    const lines = await this.tx.orderLine.findMany({ where: { orderId: id }, orderBy: { position: 'asc' } });
    const promotions = await this.tx.orderPromotion.findMany({ where: { orderId: id }, orderBy: { position: 'asc' } });
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
    await this.publish(order);
  }

  async save(order: Order): Promise<void> {
    const state = order.snapshot();
    const { count } = await this.tx.order.updateMany({
      where: { id: state.id, version: state.version },
      data: { ...toProgress(state, this.env.now()), version: { increment: 1 } },
    });
    if (count === 0) throw new ConcurrentModificationError('Order', state.id);
    await this.publish(order);
  }

  private async publish(order: Order): Promise<void> {
    const state = order.snapshot();
    const events = order.pullEvents().flatMap((event) => toIntegrationEvent(state, event, this.causationId) ?? []);
    await appendToOutbox(this.tx, events);
  }
}

export class PrismaOrderTransactions implements OrderTransactions {
  constructor(
    private readonly db: OrderingDb,
    private readonly env: Environment,
  ) {}

  run<T>(work: (orders: OrderRepository) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(new PrismaOrderRepository(tx, this.env)));
  }
}

export class PrismaOrdersByIdempotencyKey implements OrdersByIdempotencyKey {
  constructor(private readonly db: OrderingDb | Tx) {}

  find(customerId: string, idempotencyKey: string): Promise<{ id: string } | null> {
    return this.db.order.findUnique({ where: { customerId_idempotencyKey: { customerId, idempotencyKey } }, select: { id: true } });
  }
}
