import type { Environment } from '@storefront/kernel';
import { appendToOutbox } from '@storefront/messaging';
import { isUuid, readLocked } from '@storefront/platform';
import type { Order } from '../domain/order.aggregate';
import { IdempotencyKeyTakenError, type OrderRepository, type OrdersByIdempotencyKey } from '../domain/order.repository';
import { orderChanged, toIntegrationEvent } from './events/ordering-integration-events';
import type { OrderingDb } from './ordering-database';
import { toDomain, toNewOrderRow, toProgress } from './order.mapper';
import { orderStatusTransitions } from './order-status-metrics';
import { Prisma } from './prisma/generated/client';

type Tx = Prisma.TransactionClient;

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
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM orders WHERE id = ${id}::uuid FOR UPDATE`, async () => {
      const { lines, promotions, ...row } = await this.tx.order.findUniqueOrThrow({
        where: { id },
        include: { lines: { orderBy: { position: 'asc' } }, promotions: { orderBy: { position: 'asc' } } },
      });
      this.lockedStatus.set(id, row.status);
      return toDomain(row, lines, promotions);
    });
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
    await this.tx.order.update({ where: { id: state.id }, data: { ...toProgress(state, this.env.now()), version: { increment: 1 } } });
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
