import { PaymentAuthorizedV1, PaymentCapturedV1, PaymentFailedV1, PaymentRefundedV1, PaymentVoidedV1 } from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import type { PaymentEvent } from '../domain/payment-events';

/**
 * Translates payments' domain events into the published language. Every event belongs to its
 * order's saga (correlation id = order id) and names the event that caused it, if any.
 */
export function toIntegrationEvent(event: PaymentEvent, causationId: string | null): OutgoingEvent | null {
  const common = { aggregateId: event.aggregateId, occurredAt: event.occurredAt, correlationId: event.orderId, causationId };
  const payment = { orderId: event.orderId, paymentId: event.aggregateId };
  switch (event.type) {
    case 'PaymentRecorded':
      return null;
    case 'PaymentAuthorized':
      return { ...common, contract: PaymentAuthorizedV1, payload: { ...payment, amount: event.amount } };
    case 'PaymentDeclined':
      return { ...common, contract: PaymentFailedV1, payload: { ...payment, code: event.code, message: event.message } };
    case 'PaymentVoided':
      return { ...common, contract: PaymentVoidedV1, payload: { ...payment, amount: event.amount, authorizationReleased: event.authorizationReleased } };
    case 'PaymentCaptured':
      return { ...common, contract: PaymentCapturedV1, payload: { ...payment, amount: event.amount } };
    case 'PaymentRefunded':
      return {
        ...common,
        contract: PaymentRefundedV1,
        payload: { ...payment, refundId: event.refundId, amount: event.amount, refundedTotal: event.refundedTotal, fullyRefunded: event.fullyRefunded },
      };
  }
}
