import type { PaymentProvider } from '../../domain/payment-provider';
import type { PaymentRepository } from '../../domain/payment.repository';
import type { Environment } from '@storefront/kernel';
import { applyToPayment, type SagaStepOutcome } from '../saga-step';

/** The order will not go ahead (cancelled or rejected): void the authorization, or never seek one. */
export class CancelPayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly provider: PaymentProvider,
    private readonly env: Environment,
  ) {}

  execute(orderId: string): Promise<SagaStepOutcome> {
    return applyToPayment(this.payments, orderId, (payment) => payment.cancel(this.provider, this.env.now()));
  }
}
