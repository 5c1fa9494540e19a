import { NotYetError, type AggregateStore } from '@storefront/kernel';
import type { Payment } from './payment.aggregate';

/**
 * Stores payments, one per order and keyed by the order's id, each change together with its
 * refunds and the events it publishes. `lockFor` holds the payment's row lock until the
 * transaction ends, so changes to one payment (an authorization and a cancellation, two refunds)
 * apply one after the other.
 */
export interface PaymentRepository extends AggregateStore<Payment> {
  /** Adds a newly recorded payment unless its order already has one (then the one on record stays). */
  add(payment: Payment): Promise<void>;
}

/** Raised when an event about an order's payment arrives before the order itself: retried until it has. */
export class PaymentNotYetRecordedError extends NotYetError {
  constructor(orderId: string) {
    super(`Payments has not recorded the payment of order ${orderId} yet`);
    this.name = 'PaymentNotYetRecordedError';
  }
}

/** Raised when the parcel is dispatched before the payment's authorization is stored: retried until it is. */
export class PaymentNotYetAuthorizedError extends NotYetError {
  constructor(orderId: string) {
    super(`The payment of order ${orderId} is not authorized yet`);
    this.name = 'PaymentNotYetAuthorizedError';
  }
}
