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
