import type { PaymentProvider } from '../../domain/payment-provider';
import { PaymentNotYetAuthorizedError, type PaymentRepository } from '../../domain/payment.repository';
import type { Environment, Result } from '@storefront/kernel';
import { applyToPayment } from '../saga-step';

/** The parcel left the warehouse: take the authorized amount. */
export class CapturePayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly provider: PaymentProvider,
    private readonly env: Environment,
  ) {}

  execute(orderId: string): Promise<Result<void>> {
    return applyToPayment(this.payments, orderId, async (payment) => {
      // A dispatch follows the authorization; one seen first is early, not wrong: ask again later.
      if (payment.status === 'PENDING') throw new PaymentNotYetAuthorizedError(orderId);
      const request = payment.captureRequest();
      if (!request.ok) return request;
      await this.provider.capture(request.value.reference, request.value.amount, request.value.idempotencyKey);
      return payment.recordCapture(this.env.now());
    });
  }
}
