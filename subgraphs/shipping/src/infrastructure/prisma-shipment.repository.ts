import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Shipment } from '../domain/shipment.aggregate';
import type { CancelledOrders, ShipmentRepository } from '../domain/shipment.repository';
import type { Prisma } from './prisma/generated/client';
import { toDomain, toIntegrationEvent, toNewRow, toPersistence } from './shipment.mapper';

type Tx = Prisma.TransactionClient;

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
    const row = await this.tx.shipment.findUnique({ where: { orderId }, include: { lines: { orderBy: { productId: 'asc' } } } });
    return row ? toDomain(row) : null;
  }

  async add(shipment: Shipment): Promise<void> {
    await this.tx.shipment.create({ data: toNewRow(shipment.snapshot()) });
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
    return (await this.tx.cancelledOrder.count({ where: { orderId } })) > 0;
  }

  async record(orderId: string, at: Date): Promise<void> {
    await this.tx.cancelledOrder.createMany({ data: [{ orderId, cancelledAt: at }], skipDuplicates: true });
  }
}
