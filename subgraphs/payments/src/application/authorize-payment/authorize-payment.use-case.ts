import type { Result } from '@storefront/kernel';
import type { Payment } from '../../domain/payment.aggregate';
import { PaymentSagaStep } from '../saga-step';

/**
 * The order's stock is reserved: ask the provider to authorize the payment. The provider is called
 * while the payment's row is locked, so a cancellation waits and then voids what was authorized;
 * its idempotency key makes the call safe to repeat if this transaction never commits.
 */
export class AuthorizePayment extends PaymentSagaStep {
  protected async move(payment: Payment): Promise<Result<void>> {
    const request = payment.authorizationRequest();
    if (!request.ok) return request;
    const { token, amount, idempotencyKey } = request.value;
    return payment.recordAuthorization(await this.provider.authorize(token, amount, idempotencyKey), this.env.now());
  }
}
