import { fail, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import type { Money } from '../../domain/money.value-object';
import type { PaymentState } from '../../domain/payment.aggregate';
import { PaymentProviderError, PaymentProviderUnavailableError, type PaymentProvider } from '../../domain/payment-provider';
import type { PaymentRepository } from '../../domain/payment.repository';

export interface RefundPaymentCommand {
  orderId: string;
  amount: Money;
  reason?: string | null;
}

/**
 * Gives captured money of an order back to the customer. The payment's row stays locked from the
 * check to the commit, so concurrent refunds queue and their sum never exceeds what was captured.
 */
export class RefundPayment {
  constructor(
    private readonly transactions: Transactions<PaymentRepository>,
    private readonly provider: PaymentProvider,
    private readonly env: Environment,
  ) {}

  async execute({ orderId, amount, reason }: RefundPaymentCommand): Promise<Result<PaymentState>> {
    try {
      return await this.transactions.run(async (payments) => {
        const payment = await payments.lockFor(orderId);
        if (!payment) return fail('PAYMENT_NOT_FOUND', `There is no payment for order ${orderId}.`, 'orderId');
        const refund = { refundId: this.env.newId(), amount, reason };
        const request = payment.refundRequest(refund);
        if (!request.ok) return request;
        const receipt = await this.provider.refund(request.value.reference, request.value.amount, request.value.idempotencyKey);
        const refunded = payment.recordRefund(refund, receipt, this.env.now());
        if (!refunded.ok) return refunded;
        await payments.save(payment);
        return ok(payment.snapshot());
      });
    } catch (error) {
      if (error instanceof PaymentProviderUnavailableError) {
        return fail('PROVIDER_UNAVAILABLE', 'The payment provider cannot be reached; nothing was refunded. Try again.');
      }
      if (error instanceof PaymentProviderError) return fail(error.code, error.message);
      throw error;
    }
  }
}
