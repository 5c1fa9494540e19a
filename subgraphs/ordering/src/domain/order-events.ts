import type { DomainEvent } from '@storefront/kernel';
import type { CancellationReason, StatusReason } from './order-status';

/** The customer placed the order; the token is handed on to payments and never stored with the order. */
export interface OrderPlaced extends DomainEvent {
  type: 'OrderPlaced';
  paymentToken: string;
}

/** Every line is reserved; the payment is next. */
export interface OrderAwaitingPayment extends DomainEvent {
  type: 'OrderAwaitingPayment';
}

/** Stock is reserved and the payment authorized: the order will be shipped. */
export interface OrderConfirmed extends DomainEvent {
  type: 'OrderConfirmed';
}

/** Stock could not be reserved for every line. */
export interface OrderRejected extends DomainEvent {
  type: 'OrderRejected';
  reason: StatusReason;
}

/** The payment was declined, or the customer cancelled before dispatch. */
export interface OrderCancelled extends DomainEvent {
  type: 'OrderCancelled';
  reason: CancellationReason;
}

export interface OrderShipped extends DomainEvent {
  type: 'OrderShipped';
  carrier: string;
  trackingNumber: string;
}

export interface OrderDelivered extends DomainEvent {
  type: 'OrderDelivered';
}

export type OrderEvent = OrderPlaced | OrderAwaitingPayment | OrderConfirmed | OrderRejected | OrderCancelled | OrderShipped | OrderDelivered;
