import type { PaymentProvider } from '../../domain/payment-provider';
import type { PaymentRepository } from '../../domain/payment.repository';
import type { Environment, Result } from '@storefront/kernel';
import { applyToPayment } from '../saga-step';

/** The order will not go ahead (cancelled or rejected): void the authorization, or never seek one. */
export class CancelPayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly provider: PaymentProvider,
    private readonly env: Environment,
  ) {}

  execute(orderId: string): Promise<Result<void>> {
    return applyToPayment(this.payments, orderId, async (payment) => {
      const release = payment.voidRequest();
      if (!release.ok) return release;
      if (release.value) await this.provider.void(release.value.reference, release.value.idempotencyKey);
      return payment.recordVoid(this.env.now());
    });
  }
}
