import type { Environment, Result } from '@storefront/kernel';
import type { Payment } from '../domain/payment.aggregate';
import type { PaymentProvider } from '../domain/payment-provider';
import { PaymentNotYetRecordedError, type PaymentRepository } from '../domain/payment.repository';

/**
 * One step of the order saga on an order's payment: loads it under its row lock, makes the move
 * (ask the provider what the payment says, record the answer) and stores it. A move the payment
 * refuses (a late or repeated event) changes nothing; a payment not recorded yet is retried.
 */
export abstract class PaymentSagaStep {
  constructor(
    private readonly payments: PaymentRepository,
    protected readonly provider: PaymentProvider,
    protected readonly env: Environment,
  ) {}

  async execute(orderId: string): Promise<Result<void>> {
    const payment = await this.payments.lockFor(orderId);
    if (!payment) throw new PaymentNotYetRecordedError(orderId);
    const moved = await this.move(payment, orderId);
    if (moved.ok) await this.payments.save(payment);
    return moved;
  }

  protected abstract move(payment: Payment, orderId: string): Promise<Result<void>>;
}
