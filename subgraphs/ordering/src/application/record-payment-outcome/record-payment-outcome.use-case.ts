import type { OrderRepository } from '../../domain/order.repository';
import type { Environment } from '@storefront/kernel';
import { changeOrder } from '../change-order';

/** Payments' answer: the amount is authorized, or the provider declined. */
export class RecordPaymentOutcome {
  constructor(
    private readonly orders: OrderRepository,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  authorized(orderId: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'paymentAuthorized', (order) => order.notePaymentAuthorized(this.env.now()));
  }

  declined(orderId: string, providerMessage: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'paymentDeclined', (order) => order.notePaymentDeclined(providerMessage, this.env.now()));
  }
}
