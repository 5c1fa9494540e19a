import type { Money } from '../../domain/money.value-object';
import { Payment } from '../../domain/payment.aggregate';
import type { PaymentRepository } from '../../domain/payment.repository';
import type { Environment } from '@storefront/kernel';

export interface RecordPaymentCommand {
  orderId: string;
  customerId: string;
  total: Money;
  paymentToken: string;
}

/** Thrown when an order's payment can never be recorded (its total does not fit): no retry helps. */
export class UnrecordablePaymentError extends Error {
  constructor(orderId: string, reason: string) {
    super(`The payment of order ${orderId} cannot be recorded: ${reason}`);
    this.name = 'UnrecordablePaymentError';
  }
}

/** A placed order's payment to come: PENDING for the order's total, until the stock is reserved. */
export class RecordPayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly env: Environment,
  ) {}

  /** An order whose payment is already on record keeps it: a repeated order-placed changes nothing. */
  async execute(command: RecordPaymentCommand): Promise<void> {
    const payment = Payment.open({ id: this.env.newId(), ...command }, this.env.now());
    if (!payment.ok) throw new UnrecordablePaymentError(command.orderId, payment.error.message);
    await this.payments.add(payment.value);
  }
}
