import {
  OrderCancelledV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderPlacedV2,
  OrderRejectedV1,
  OrderShippedV1,
  type EventContract,
  type EventOf,
} from '@storefront/events';
import type { Environment } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import { LearnRecipient } from '../../application/learn-recipient/learn-recipient.use-case';
import { TellCustomer } from '../../application/tell-customer/tell-customer.use-case';
import type { OrderNews } from '../../domain/order-news';
import type { Prisma } from '../prisma/generated/client';
import { PrismaNotificationLog, PrismaRecipientBook } from '../prisma-notification-log';

type Tx = Prisma.TransactionClient;

/** The facts every ordering event carries: enough to tell the customer even when it comes first. */
type AboutAnOrder = EventOf<EventContract> & { payload: { orderId: string; customerId: string } };

function tell(env: Environment, event: AboutAnOrder, news: OrderNews, tx: Tx, recipients = new PrismaRecipientBook(tx)): Promise<unknown> {
  const { orderId, customerId } = event.payload;
  return new TellCustomer(new PrismaNotificationLog(tx), recipients, env).execute({
    news,
    orderId,
    customerId,
    causedBy: event.id,
    occurredAt: new Date(event.occurredAt),
  });
}

/**
 * Ordering's words translated into what the customer is told. No event waits for another: each
 * carries the order and the customer, so news arriving before order-placed is told all the same.
 */
export function orderingEventHandlers(env: Environment) {
  return [
    on(OrderPlacedV2, async (event, tx: Tx) => {
      const { orderId, customerId, contactEmail, total, subtotal, discount, shipping, tax } = event.payload;
      const recipients = new PrismaRecipientBook(tx);
      await new LearnRecipient(recipients).execute({ orderId, customerId, contactEmail });
      await tell(env, event, { kind: 'ORDER_RECEIVED', total, breakdown: { subtotal, discount, shipping, tax } }, tx, recipients);
    }),
    on(OrderConfirmedV1, async (event, tx: Tx) => {
      await tell(env, event, { kind: 'ORDER_CONFIRMED', total: event.payload.total }, tx);
    }),
    on(OrderRejectedV1, async (event, tx: Tx) => {
      await tell(env, event, { kind: 'ORDER_REJECTED', reason: event.payload.reason }, tx);
    }),
    on(OrderCancelledV1, async (event, tx: Tx) => {
      await tell(env, event, { kind: 'ORDER_CANCELLED', cause: event.payload.reason, detail: event.payload.message }, tx);
    }),
    on(OrderShippedV1, async (event, tx: Tx) => {
      await tell(env, event, { kind: 'ORDER_SHIPPED', carrier: event.payload.carrier, trackingNumber: event.payload.trackingNumber }, tx);
    }),
    on(OrderDeliveredV1, async (event, tx: Tx) => {
      await tell(env, event, { kind: 'ORDER_DELIVERED' }, tx);
    }),
  ];
}
