import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Payment } from '../domain/payment.aggregate';
import type { PaymentRepository } from '../domain/payment.repository';
import { PaymentRecords, toDomain, toPersistence, toRefundRow } from './payment.mapper';
import { toIntegrationEvent } from './payments-integration-events';
import type { Prisma } from './prisma/generated/client';

/** The columns `toDomain` reads, under the names it reads them by. */
const PAYMENT_COLUMNS = `id::text, order_id::text AS "orderId", customer_id AS "customerId", amount, currency, status::text,
  payment_token AS "paymentToken", provider_reference AS "providerReference", failure_code AS "failureCode",
  failure_message AS "failureMessage", captured_amount AS "capturedAmount", refunded_amount AS "refundedAmount", version`;

/**
 * Payments inside one transaction: the handler's (whose inbox entry commits with the change) or
 * the refund's. `causationId` is the event being handled, null for an admin's command.
 *
 * What every order does here (its payment recorded, then locked, read and saved once its stock is
 * reserved) is written in SQL: Prisma plans each typed call with its query compiler first, a cost
 * paid again on every event, and the lock and the read become one statement.
 */
export class PrismaPaymentRepository implements PaymentRepository {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly causationId: string | null = null,
  ) {}

  async add(payment: Payment): Promise<void> {
    const state = payment.snapshot();
    payment.pullEvents();
    const row = toPersistence(state);
    // An order's payment already on record (a repeated order-placed) is left as it is.
    await this.tx.$executeRaw`
      INSERT INTO payments (id, order_id, customer_id, amount, currency, status, payment_token, provider_reference,
                            failure_code, failure_message, captured_amount, refunded_amount, updated_at)
      VALUES (${state.id}::uuid, ${row.orderId}::uuid, ${row.customerId}, ${row.amount}, ${row.currency}, ${row.status}::"PaymentStatus",
              ${row.paymentToken}, ${row.providerReference}, ${row.failureCode}, ${row.failureMessage}, ${row.capturedAmount},
              ${row.refundedAmount}, now())
      ON CONFLICT DO NOTHING`;
  }

  async lockFor(orderId: string): Promise<Payment | null> {
    if (!isUuid(orderId)) return null;
    const [row] = PaymentRecords.parse(await this.tx.$queryRawUnsafe(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_id = $1::uuid FOR UPDATE`, orderId));
    return row ? toDomain(row) : null;
  }

  /** The payment's new state, its refunds and its events in the outbox, in the caller's transaction. */
  async save(payment: Payment): Promise<void> {
    const state = payment.snapshot();
    const events = payment.pullEvents();
    const row = toPersistence(state);
    await this.tx.$executeRaw`
      UPDATE payments SET status = ${row.status}::"PaymentStatus", provider_reference = ${row.providerReference},
             failure_code = ${row.failureCode}, failure_message = ${row.failureMessage}, captured_amount = ${row.capturedAmount},
             refunded_amount = ${row.refundedAmount}, version = version + 1, updated_at = now()
       WHERE id = ${state.id}::uuid`;
    const refunds = events.flatMap((event) => toRefundRow(event) ?? []);
    if (refunds.length > 0) await this.tx.refund.createMany({ data: refunds });
    await appendToOutbox(this.tx, events.flatMap((event) => toIntegrationEvent(event, this.causationId) ?? []));
  }
}
