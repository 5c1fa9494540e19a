import type { Result } from '@storefront/kernel';
import type { Payment, PaymentStatus } from '../domain/payment.aggregate';
import { PaymentNotYetRecordedError, type PaymentRepository } from '../domain/payment.repository';

/** What a step of the saga did: the payment's status after it, and whether it changed anything. */
export interface SagaStepOutcome {
  status: PaymentStatus;
  changed: boolean;
}

/**
 * Applies one move to an order's payment under its row lock and stores it. A move the payment
 * refuses (a late or repeated event) changes nothing; a payment not recorded yet is retried.
 */
export async function applyToPayment(
  payments: PaymentRepository,
  orderId: string,
  move: (payment: Payment) => Promise<Result<void>>,
  beforeMove: (payment: Payment) => void = () => undefined,
): Promise<SagaStepOutcome> {
  const payment = await payments.lockFor(orderId);
  if (!payment) throw new PaymentNotYetRecordedError(orderId);
  beforeMove(payment);
  const moved = await move(payment);
  if (!moved.ok) return { status: payment.status, changed: false };
  await payments.save(payment);
  return { status: payment.status, changed: true };
}
