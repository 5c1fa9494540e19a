import type { PaymentProvider } from '../../domain/payment-provider';
import { PaymentNotYetAuthorizedError, type PaymentRepository } from '../../domain/payment.repository';
import type { Environment } from '@storefront/kernel';
import { applyToPayment, type SagaStepOutcome } from '../saga-step';

/** The parcel left the warehouse: take the authorized amount. */
export class CapturePayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly provider: PaymentProvider,
    private readonly env: Environment,
  ) {}

  execute(orderId: string): Promise<SagaStepOutcome> {
    return applyToPayment(
      this.payments,
      orderId,
      (payment) => payment.capture(this.provider, this.env.now()),
      // A dispatch follows the authorization; one seen first is early, not wrong: ask again later.
      (payment) => {
        if (payment.status === 'PENDING') throw new PaymentNotYetAuthorizedError(orderId);
      },
    );
  }
}
