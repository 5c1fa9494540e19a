/**
 * Where an order is in its saga. It only moves forward, PLACED -> AWAITING_PAYMENT -> CONFIRMED ->
 * SHIPPED -> DELIVERED, with AWAITING_PROMOTIONS before CONFIRMED when the payment is authorized
 * while the promotions it applied are not redeemed yet; or it ends early: REJECTED (stock refused,
 * or a promotion it applied could not be redeemed) or CANCELLED (payment declined, the customer
 * cancelled before dispatch, or it waited for another context past its deadline).
 */
export type OrderStatus = 'PLACED' | 'AWAITING_PAYMENT' | 'AWAITING_PROMOTIONS' | 'CONFIRMED' | 'SHIPPED' | 'DELIVERED' | 'REJECTED' | 'CANCELLED';

export const ORDER_STATUSES: readonly OrderStatus[] = ['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'REJECTED', 'CANCELLED'];

/** The statuses a customer may still cancel from: the parcel has not left. */
export const CANCELLABLE: readonly OrderStatus[] = ['PLACED', 'AWAITING_PAYMENT', 'AWAITING_PROMOTIONS', 'CONFIRMED'];

/** Why an order was rejected or cancelled. */
export type StatusReasonCode =
  | 'STOCK_UNAVAILABLE'
  | 'PROMOTION_UNAVAILABLE'
  | 'PAYMENT_DECLINED'
  | 'CUSTOMER_CANCELLED'
  | 'STOCK_TIMED_OUT'
  | 'PAYMENT_TIMED_OUT'
  | 'PROMOTIONS_TIMED_OUT';

export interface StatusReason {
  code: StatusReasonCode;
  message: string;
}

/** Why an order that was going ahead was called off: declined, cancelled, or waited past its deadline (order-deadlines.ts). */
export interface CancellationReason extends StatusReason {
  code: 'PAYMENT_DECLINED' | 'CUSTOMER_CANCELLED' | 'STOCK_TIMED_OUT' | 'PAYMENT_TIMED_OUT' | 'PROMOTIONS_TIMED_OUT';
}

/** The reason of an order its customer cancelled. */
export const CUSTOMER_CANCELLED: CancellationReason = { code: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' };
