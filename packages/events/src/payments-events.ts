import { z } from 'zod';
import { defineEvent } from './contract';
import { money } from './shared-schemas';

const payment = { orderId: z.uuid(), paymentId: z.uuid() };

export const PaymentAuthorizedV1 = defineEvent('payments.payment-authorized.v1', z.object({ ...payment, amount: money }));

/** The provider declined (or kept failing): the order is cancelled. */
export const PaymentFailedV1 = defineEvent(
  'payments.payment-failed.v1',
  z.object({ ...payment, code: z.string().min(1), message: z.string().min(1) }),
);

/** The authorization was released (cancelled order) or, when the order was cancelled before it, never sought. */
export const PaymentVoidedV1 = defineEvent(
  'payments.payment-voided.v1',
  z.object({ ...payment, amount: money, authorizationReleased: z.boolean() }),
);

/** The authorized amount was taken from the customer's card (the shipment left the warehouse). */
export const PaymentCapturedV1 = defineEvent('payments.payment-captured.v1', z.object({ ...payment, amount: money }));

/** Money went back to the customer; `refundedTotal` is everything refunded so far, never more than was captured. */
export const PaymentRefundedV1 = defineEvent(
  'payments.payment-refunded.v1',
  z.object({ ...payment, refundId: z.uuid(), amount: money, refundedTotal: money, fullyRefunded: z.boolean() }),
);
