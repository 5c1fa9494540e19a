import type { Environment, Transactions } from '@storefront/kernel';
import { prismaTransactions } from '@storefront/platform';
import { z } from 'zod';
import type { ExpiryUnit } from '../application/expire-overdue-orders/expire-overdue-orders.use-case';
import { WAITING_STATUSES, type SagaDeadlines } from '../domain/order-deadlines';
import type { OverdueOrders } from '../domain/order.repository';
import type { OrderingDb } from './ordering-database';
import { PrismaOrderRepository } from './prisma-order.repository';
import { Prisma } from './prisma/generated/client';

const ClaimedRow = z.object({ id: z.string() });

/**
 * The deadline sweeper's claim. Raw because Prisma's typed API cannot say FOR UPDATE SKIP LOCKED:
 * an order another ordering process is cancelling (or the saga is moving) is skipped, not waited for.
 */
export class PrismaOverdueOrders implements OverdueOrders {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async claimNext(deadlines: SagaDeadlines, now: Date): Promise<string | null> {
    const overdue = WAITING_STATUSES.map(
      (status) => Prisma.sql`(status = ${status}::"OrderStatus" AND status_since <= ${new Date(now.getTime() - deadlines[status])})`,
    );
    const rows = await this.tx.$queryRaw`
      SELECT id::text AS id FROM orders WHERE ${Prisma.join(overdue, ' OR ')}
      ORDER BY status_since LIMIT 1 FOR UPDATE SKIP LOCKED`;
    const [row] = z.array(ClaimedRow).parse(rows);
    return row?.id ?? null;
  }
}

/** The deadline sweeper's transactions: the claim and the order it cancels, in one. */
export function expiryTransactions(db: OrderingDb, env: Environment): Transactions<ExpiryUnit> {
  return prismaTransactions(db, (tx) => ({ orders: new PrismaOrderRepository(tx, env), overdue: new PrismaOverdueOrders(tx) }));
}
