import { NotYetError, type AggregateStore } from '@storefront/kernel';
import type { SagaDeadlines } from './order-deadlines';
import type { Order } from './order.aggregate';

/**
 * Stores orders inside one transaction: an order and the integration events of its changes are
 * written together, or not at all. `lockFor` locks the order until the transaction ends, so
 * changes to one order apply one after the other.
 */
export interface OrderRepository extends AggregateStore<Order> {
  /** Adds a new order; IdempotencyKeyTakenError if the customer already placed one with its key. */
  add(order: Order): Promise<void>;
}

/** Finds the order a customer placed with an idempotency key, if any. */
export interface OrdersByIdempotencyKey {
  find(customerId: string, idempotencyKey: string): Promise<{ id: string } | null>;
}

/** The customer has an order with this idempotency key already (placed concurrently, perhaps). */
export class IdempotencyKeyTakenError extends Error {
  constructor(
    readonly customerId: string,
    readonly idempotencyKey: string,
  ) {
    super(`Customer ${customerId} already placed an order with idempotency key ${idempotencyKey}`);
    this.name = 'IdempotencyKeyTakenError';
  }
}

/** Raised when news about an order arrives before the order is stored: retried until it is. */
export class OrderNotYetKnownError extends NotYetError {
  constructor(orderId: string) {
    super(`Ordering has no order ${orderId} (yet)`);
    this.name = 'OrderNotYetKnownError';
  }
}

/** Raised when a saga step arrives before one it must follow: retried until that one is handled. */
export class SagaStepTooEarlyError extends NotYetError {
  constructor(orderId: string, step: string, status: string) {
    super(`Order ${orderId} is ${status}: ${step} must wait for an earlier step`);
    this.name = 'SagaStepTooEarlyError';
  }
}

/** Finds orders that waited past their deadline (see order-deadlines.ts). */
export interface OverdueOrders {
  /**
   * Locks the order that has waited longest past its deadline and that nobody else holds, until the
   * transaction ends; null when there is none. Two sweepers never claim the same order at once.
   */
  claimNext(deadlines: SagaDeadlines, now: Date): Promise<string | null>;
}
