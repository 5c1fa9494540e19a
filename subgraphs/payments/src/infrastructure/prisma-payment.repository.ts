import { ConcurrentModificationError } from '@storefront/kernel';
import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Payment } from '../domain/payment.aggregate';
import type { PaymentRepository } from '../domain/payment.repository';
import type { PaymentTransactions } from '../application/payment-transactions';
import type { PaymentsDb } from './payments-database';
import { toDomain, toPersistence, toRefundRow } from './payment.mapper';
import { toIntegrationEvent } from './payments-integration-events';
import type { Prisma, Payment as PaymentRow } from './prisma/generated/client';

/** Long enough for a provider call made while the payment's row is locked. */
export const PAYMENT_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

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

  async findByOrderForUpdate(orderId: string): Promise<Payment | null> {
    if (!isUuid(orderId)) return null;
    const rows = await this.tx.$queryRaw<PaymentRow[]>`
      SELECT id, order_id AS "orderId", customer_id AS "customerId", amount, currency, status::text AS status,
             payment_token AS "paymentToken", provider_reference AS "providerReference", failure_code AS "failureCode",
             failure_message AS "failureMessage", captured_amount AS "capturedAmount", refunded_amount AS "refundedAmount",
             version, created_at AS "createdAt", updated_at AS "updatedAt"
      FROM payments WHERE order_id = ${orderId}::uuid FOR UPDATE`;
    return rows[0] ? toDomain(rows[0]) : null;
  }

  /** The payment's new state, its refunds and its events in the outbox, in the caller's transaction. */
  async save(payment: Payment): Promise<void> {
    const state = payment.snapshot();
    const events = payment.pullEvents();
    const { count } = await this.tx.payment.updateMany({
      where: { id: state.id, version: state.version },
      data: { ...toPersistence(state), version: { increment: 1 } },
    });
    if (count === 0) throw new ConcurrentModificationError('Payment', state.id);
    const refunds = events.flatMap((event) => toRefundRow(event) ?? []);
    if (refunds.length > 0) await this.tx.refund.createMany({ data: refunds });
    await appendToOutbox(this.tx, events.flatMap((event) => toIntegrationEvent(event, this.causationId) ?? []));
  }
}

export class PrismaPaymentTransactions implements PaymentTransactions {
  constructor(private readonly db: PaymentsDb) {}

  run<T>(work: (payments: PaymentRepository) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(new PrismaPaymentRepository(tx)), PAYMENT_TRANSACTION_OPTIONS);
  }
}
