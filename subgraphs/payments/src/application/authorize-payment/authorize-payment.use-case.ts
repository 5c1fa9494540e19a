import type { PaymentProvider } from '../../domain/payment-provider';
import type { PaymentRepository } from '../../domain/payment.repository';
import type { Environment, Result } from '@storefront/kernel';
import { applyToPayment } from '../saga-step';

/**
 * The order's stock is reserved: ask the provider to authorize the payment. The provider is called
 * while the payment's row is locked, so a cancellation waits and then voids what was authorized;
 * its idempotency key makes the call safe to repeat if this transaction never commits.
 */
export class AuthorizePayment {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly provider: PaymentProvider,
    private readonly env: Environment,
  ) {}

  execute(orderId: string): Promise<Result<void>> {
    return applyToPayment(this.payments, orderId, async (payment) => {
      const request = payment.authorizationRequest();
      if (!request.ok) return request;
      const { token, amount, idempotencyKey } = request.value;
      return payment.recordAuthorization(await this.provider.authorize(token, amount, idempotencyKey), this.env.now());
    });
  }
}
