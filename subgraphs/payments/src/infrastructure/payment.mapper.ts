import { Payment, type PaymentState } from '../domain/payment.aggregate';
import type { PaymentEvent } from '../domain/payment-events';
import { z } from 'zod';
import { $Enums, type Prisma, type Payment as PaymentRow } from './prisma/generated/client';

/** A payment's row as the domain needs it (its timestamps are the database's bookkeeping). */
export type PaymentRecord = Omit<PaymentRow, 'createdAt' | 'updatedAt'>;

/** Payments read in SQL: checked, not cast, since the database and not the compiler says what they hold. */
export const PaymentRecords = z.array(
  z.object({
    id: z.string(),
    orderId: z.string(),
    customerId: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum($Enums.PaymentStatus),
    paymentToken: z.string(),
    providerReference: z.string().nullable(),
    failureCode: z.string().nullable(),
    failureMessage: z.string().nullable(),
    capturedAmount: z.number().int(),
    refundedAmount: z.number().int(),
    version: z.number().int(),
  }),
);

export function toDomain(row: PaymentRecord): Payment {
  return Payment.restore({
    id: row.id,
    orderId: row.orderId,
    customerId: row.customerId,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    paymentToken: row.paymentToken,
    providerReference: row.providerReference,
    failure: row.failureCode === null ? null : { code: row.failureCode, message: row.failureMessage ?? row.failureCode },
    captured: row.capturedAmount,
    refunded: row.refundedAmount,
    version: row.version,
  });
}

export function toPersistence(state: PaymentState) {
  return {
    orderId: state.orderId,
    customerId: state.customerId,
    amount: state.amount,
    currency: state.currency,
    status: state.status,
    paymentToken: state.paymentToken,
    providerReference: state.providerReference,
    failureCode: state.failure?.code ?? null,
    failureMessage: state.failure?.message ?? null,
    capturedAmount: state.captured,
    refundedAmount: state.refunded,
  };
}

/** Each refund the payment made becomes a row of its own; other events leave none. */
export function toRefundRow(event: PaymentEvent): Prisma.RefundCreateManyInput | null {
  if (event.type !== 'PaymentRefunded') return null;
  return {
    id: event.refundId,
    paymentId: event.aggregateId,
    amount: event.amount.amount,
    reason: event.reason,
    providerReference: event.providerReference,
    refundedAt: event.occurredAt,
  };
}
