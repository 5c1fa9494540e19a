import type { DomainEvent } from '@storefront/kernel';
import type { Money } from './money.value-object';

interface OrderPaymentEvent extends DomainEvent {
  /** The payment's order: the saga every payment event belongs to. */
  orderId: string;
}

/** The payment to come was noted when the order was placed; nothing is asked of the card yet. */
export interface PaymentRecorded extends OrderPaymentEvent {
  type: 'PaymentRecorded';
  amount: Money;
}

/** The provider set the amount aside on the customer's card. */
export interface PaymentAuthorized extends OrderPaymentEvent {
  type: 'PaymentAuthorized';
  amount: Money;
  providerReference: string;
}

/** The provider refused the card: nothing was set aside and nothing will be. */
export interface PaymentDeclined extends OrderPaymentEvent {
  type: 'PaymentDeclined';
  code: string;
  message: string;
}

/** The order will not go ahead: an authorization was released, or none will ever be sought. */
export interface PaymentVoided extends OrderPaymentEvent {
  type: 'PaymentVoided';
  amount: Money;
  authorizationReleased: boolean;
}

/** The authorized amount was taken. */
export interface PaymentCaptured extends OrderPaymentEvent {
  type: 'PaymentCaptured';
  amount: Money;
}

/** Some captured money went back to the customer. */
export interface PaymentRefunded extends OrderPaymentEvent {
  type: 'PaymentRefunded';
  refundId: string;
  amount: Money;
  reason: string | null;
  providerReference: string;
  refundedTotal: Money;
  fullyRefunded: boolean;
}

export type PaymentEvent = PaymentRecorded | PaymentAuthorized | PaymentDeclined | PaymentVoided | PaymentCaptured | PaymentRefunded;
