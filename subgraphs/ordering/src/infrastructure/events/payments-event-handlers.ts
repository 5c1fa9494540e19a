import { PaymentAuthorizedV1, PaymentFailedV1 } from '@storefront/events';
import type { Environment } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import { RecordPaymentOutcome } from '../../application/record-payment-outcome/record-payment-outcome.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderRepository } from '../prisma-order.repository';

type Tx = Prisma.TransactionClient;

/** Payments' answer: the order is confirmed, or cancelled because the payment was declined. */
export function paymentsEventHandlers(env: Environment) {
  const payment = (tx: Tx, eventId: string) => new RecordPaymentOutcome(new PrismaOrderRepository(tx, env, eventId), env);
  return [
    on(PaymentAuthorizedV1, async ({ id, payload }, tx: Tx) => {
      await payment(tx, id).authorized(payload.orderId);
    }),
    on(PaymentFailedV1, async ({ id, payload }, tx: Tx) => {
      await payment(tx, id).declined(payload.orderId, payload.message);
    }),
  ];
}
