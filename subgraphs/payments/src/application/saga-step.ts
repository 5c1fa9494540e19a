import type { Result } from '@storefront/kernel';
import type { Payment } from '../domain/payment.aggregate';
import { PaymentNotYetRecordedError, type PaymentRepository } from '../domain/payment.repository';

/**
 * Applies one move to an order's payment under its row lock and stores it. A move the payment
 * refuses (a late or repeated event) changes nothing; a payment not recorded yet is retried.
 */
export async function applyToPayment(
  payments: PaymentRepository,
  orderId: string,
  move: (payment: Payment) => Promise<Result<void>>,
): Promise<Result<void>> {
  const payment = await payments.findByOrderForUpdate(orderId);
  if (!payment) throw new PaymentNotYetRecordedError(orderId);
  const moved = await move(payment);
  if (moved.ok) await payments.save(payment);
  return moved;
}
