import { OrderCancelledV1, OrderPlacedV2, OrderRejectedV1, ShipmentDispatchedV1, StockReservedV1 } from '@storefront/events';
import { on, RejectedEventError } from '@storefront/messaging';
import { AuthorizePayment } from '../../application/authorize-payment/authorize-payment.use-case';
import { CancelPayment } from '../../application/cancel-payment/cancel-payment.use-case';
import { CapturePayment } from '../../application/capture-payment/capture-payment.use-case';
import { RecordPayment, UnrecordablePaymentError } from '../../application/record-payment/record-payment.use-case';
import type { Environment } from '@storefront/kernel';
import { PaymentProviderError, type PaymentProvider } from '../../domain/payment-provider';
import type { Prisma } from '../prisma/generated/client';
import { PrismaPaymentRepository } from '../prisma-payment.repository';

type Tx = Prisma.TransactionClient;

/**
 * The order saga in payments' words. Each handler runs in the consumer's transaction with the
 * event's inbox entry, the payment's row lock and its outbox events. A provider that cannot answer
 * throws: the transaction rolls back and the event is retried with backoff. An event about a
 * payment not recorded yet answers "not yet" and is delivered again once it may be, without using
 * up an attempt. What no retry can fix goes straight to the failed set.
 */
export function orderSagaEventHandlers(provider: PaymentProvider, env: Environment) {
  const payments = (tx: Tx, eventId: string) => new PrismaPaymentRepository(tx, eventId);
  return [
    on(OrderPlacedV2, async ({ id, payload }, tx: Tx) => {
      // The total is what the customer pays: subtotal - discount + shipping + tax. Payments needs
      // no more of the breakdown: it authorizes and captures exactly this, and refunds within it.
      const { orderId, customerId, total, paymentToken } = payload;
      await rejectUnfixable(() => new RecordPayment(payments(tx, id), env).execute({ orderId, customerId, total, paymentToken }));
    }),
    on(StockReservedV1, async ({ id, payload }, tx: Tx) => {
      await rejectUnfixable(() => new AuthorizePayment(payments(tx, id), provider, env).execute(payload.orderId));
    }),
    on(OrderCancelledV1, async ({ id, payload }, tx: Tx) => {
      await rejectUnfixable(() => new CancelPayment(payments(tx, id), provider, env).execute(payload.orderId));
    }),
    on(OrderRejectedV1, async ({ id, payload }, tx: Tx) => {
      await rejectUnfixable(() => new CancelPayment(payments(tx, id), provider, env).execute(payload.orderId));
    }),
    on(ShipmentDispatchedV1, async ({ id, payload }, tx: Tx) => {
      await rejectUnfixable(() => new CapturePayment(payments(tx, id), provider, env).execute(payload.orderId));
    }),
  ];
}

/** Failures no retry can fix (a refusal by the provider, a total that does not fit) skip the remaining attempts. */
async function rejectUnfixable(step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof PaymentProviderError || error instanceof UnrecordablePaymentError) {
      throw new RejectedEventError(error.message);
    }
    throw error;
  }
}
