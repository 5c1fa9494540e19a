import { appendToOutbox } from '@storefront/messaging';
import { isUuid, readLocked } from '@storefront/platform';
import type { Payment } from '../domain/payment.aggregate';
import type { PaymentRepository } from '../domain/payment.repository';
import { toDomain, toPersistence, toRefundRow } from './payment.mapper';
import { toIntegrationEvent } from './payments-integration-events';
import type { Prisma } from './prisma/generated/client';

/**
 * Payments inside one transaction: the handler's (whose inbox entry commits with the change) or
 * the refund's. `causationId` is the event being handled, null for an admin's command.
 */
export class PrismaPaymentRepository implements PaymentRepository {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly causationId: string | null = null,
  ) {}

  async add(payment: Payment): Promise<void> {
    const state = payment.snapshot();
    payment.pullEvents();
    await this.tx.payment.createMany({ data: [{ id: state.id, ...toPersistence(state) }], skipDuplicates: true });
  }

  async lockFor(orderId: string): Promise<Payment | null> {
    if (!isUuid(orderId)) return null;
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM payments WHERE order_id = ${orderId}::uuid FOR UPDATE`, async () =>
      toDomain(await this.tx.payment.findUniqueOrThrow({ where: { orderId } })),
    );
  }

  /** The payment's new state, its refunds and its events in the outbox, in the caller's transaction. */
  async save(payment: Payment): Promise<void> {
    const state = payment.snapshot();
    const events = payment.pullEvents();
    await this.tx.payment.update({ where: { id: state.id }, data: { ...toPersistence(state), version: { increment: 1 } } });
    const refunds = events.flatMap((event) => toRefundRow(event) ?? []);
    if (refunds.length > 0) await this.tx.refund.createMany({ data: refunds });
    await appendToOutbox(this.tx, events.flatMap((event) => toIntegrationEvent(event, this.causationId) ?? []));
  }
}
