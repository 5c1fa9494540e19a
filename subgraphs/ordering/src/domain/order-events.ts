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

/** The payment is authorized; the promotions the order applied are still to be redeemed. */
export interface OrderAwaitingPromotions extends DomainEvent {
  type: 'OrderAwaitingPromotions';
}

/** Promotions redeemed the order's promotions while its stock or payment was still under way. */
export interface OrderPromotionsRedeemed extends DomainEvent {
  type: 'OrderPromotionsRedeemed';
}

/** Stock is reserved, the payment authorized and the promotions redeemed: the order will be shipped. */
export interface OrderConfirmed extends DomainEvent {
  type: 'OrderConfirmed';
}

/** Stock could not be reserved for every line, or a promotion the order applied could not be redeemed. */
export interface OrderRejected extends DomainEvent {
  type: 'OrderRejected';
  reason: StatusReason;
}

/** The payment was declined, the customer cancelled before dispatch, or the order waited past its deadline. */
export interface OrderCancelled extends DomainEvent {
  type: 'OrderCancelled';
  reason: CancellationReason;
}

/** Ordering agreed to shipping's request to dispatch the confirmed order: it can no longer be cancelled. */
export interface OrderReleasedForDispatch extends DomainEvent {
  type: 'OrderReleasedForDispatch';
}

export interface OrderShipped extends DomainEvent {
  type: 'OrderShipped';
  carrier: string;
  trackingNumber: string;
}

export interface OrderDelivered extends DomainEvent {
  type: 'OrderDelivered';
}

export type OrderEvent =
  | OrderPlaced
  | OrderAwaitingPayment
  | OrderAwaitingPromotions
  | OrderPromotionsRedeemed
  | OrderConfirmed
  | OrderRejected
  | OrderCancelled
  | OrderReleasedForDispatch
  | OrderShipped
  | OrderDelivered;
