import type { Result } from '@storefront/kernel';
import type { Payment } from '../../domain/payment.aggregate';
import { PaymentSagaStep } from '../saga-step';

/** The order will not go ahead (cancelled or rejected): void the authorization, or never seek one. */
export class CancelPayment extends PaymentSagaStep {
  protected async move(payment: Payment): Promise<Result<void>> {
    const release = payment.voidRequest();
    if (!release.ok) return release;
    if (release.value) await this.provider.void(release.value.reference, release.value.idempotencyKey);
    return payment.recordVoid(this.env.now());
  }
}
