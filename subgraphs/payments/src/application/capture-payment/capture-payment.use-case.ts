import type { Result } from '@storefront/kernel';
import type { Payment } from '../../domain/payment.aggregate';
import { PaymentNotYetAuthorizedError } from '../../domain/payment.repository';
import { PaymentSagaStep } from '../saga-step';

/** The parcel left the warehouse: take the authorized amount. */
export class CapturePayment extends PaymentSagaStep {
  protected async move(payment: Payment, orderId: string): Promise<Result<void>> {
    // A dispatch follows the authorization; one seen first is early, not wrong: ask again later.
    if (payment.status === 'PENDING') throw new PaymentNotYetAuthorizedError(orderId);
    const request = payment.captureRequest();
    if (!request.ok) return request;
    await this.provider.capture(request.value.reference, request.value.amount, request.value.idempotencyKey);
    return payment.recordCapture(this.env.now());
  }
}
