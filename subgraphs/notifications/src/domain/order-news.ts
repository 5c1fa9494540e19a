/** An amount in integer minor units (cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * What happened to an order, in notifications' words: the facts of ordering's events that the
 * customer is told, and nothing else (no lines, no address, no payment token).
 */
export type OrderNews =
  | { kind: 'ORDER_RECEIVED'; total: Money; breakdown: Breakdown }
  | { kind: 'ORDER_CONFIRMED'; total: Money }
  | { kind: 'ORDER_REJECTED'; reason: string }
  | { kind: 'ORDER_CANCELLED'; cause: CancellationCause; detail: string }
  | { kind: 'ORDER_SHIPPED'; carrier: string; trackingNumber: string }
  | { kind: 'ORDER_DELIVERED' };

/** How an order's total came about: total = subtotal - discount + shipping + tax. */
export interface Breakdown {
  subtotal: Money;
  discount: Money;
  shipping: Money;
  tax: Money;
}

/** Why an order was cancelled: the customer asked, the payment was declined, or the order waited past a deadline. */
export type CancellationCause = 'CUSTOMER_CANCELLED' | 'PAYMENT_DECLINED' | 'STOCK_TIMED_OUT' | 'PAYMENT_TIMED_OUT' | 'PROMOTIONS_TIMED_OUT';

/** The kind of a notification is the kind of news it tells: an order has each at most once. */
export type NotificationKind = OrderNews['kind'];
