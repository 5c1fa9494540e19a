import { PaymentAuthorizedV1, PaymentFailedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { RecordPaymentOutcome } from '../../application/record-payment-outcome/record-payment-outcome.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderRepository } from '../prisma-order.repository';

type Tx = Prisma.TransactionClient;

const clock = { now: () => new Date() };
const payment = (tx: Tx, eventId: string) => new RecordPaymentOutcome(new PrismaOrderRepository(tx, eventId), clock);

/** Payments' answer: the order is confirmed, or cancelled because the payment was declined. */
export const paymentsEventHandlers = [
  on(PaymentAuthorizedV1, async ({ id, payload }, tx: Tx) => {
    await payment(tx, id).authorized(payload.orderId);
  }),
  on(PaymentFailedV1, async ({ id, payload }, tx: Tx) => {
    await payment(tx, id).declined(payload.orderId, payload.message);
  }),
];
