import { randomUUID } from 'node:crypto';
import {
  DispatchRequestedV1,
  PaymentAuthorizedV1,
  PaymentFailedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  StockReservationFailedV1,
  StockReservedV1,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
} from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';

/** An event of the saga about an order, as its producer publishes it (correlated by the order's id). */
function about<C extends EventContract>(contract: C, orderId: string, payload: PayloadOf<C>): EventEnvelope {
  return toEnvelope({ contract, aggregateId: orderId, payload, occurredAt: new Date(), correlationId: orderId });
}

export type Line = { productId: string; quantity: number };

export const stockReserved = (orderId: string, lines: Line[]) => about(StockReservedV1, orderId, { orderId, lines });

export const stockReservationFailed = (orderId: string, productId: string, requested = 1, available = 0) =>
  about(StockReservationFailedV1, orderId, { orderId, refusedLines: [{ productId, requested, available, reason: 'INSUFFICIENT_STOCK' }] });

export const paymentAuthorized = (orderId: string, amount = 1299) =>
  about(PaymentAuthorizedV1, orderId, { orderId, paymentId: randomUUID(), amount: { amount, currency: 'EUR' } });

export const paymentFailed = (orderId: string) =>
  about(PaymentFailedV1, orderId, { orderId, paymentId: randomUUID(), code: 'CARD_DECLINED', message: 'The card was declined.' });

export const dispatchRequested = (orderId: string) => about(DispatchRequestedV1, orderId, { orderId, shipmentId: randomUUID() });

export const shipmentDispatched = (orderId: string, lines: Line[]) =>
  about(ShipmentDispatchedV1, orderId, { orderId, shipmentId: randomUUID(), carrier: 'DHL', trackingNumber: 'JD014600006281', lines });

export const shipmentDelivered = (orderId: string) => about(ShipmentDeliveredV1, orderId, { orderId, shipmentId: randomUUID() });

type Status = 'PLACED' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'SHIPPED' | 'DELIVERED' | 'REJECTED' | 'CANCELLED';

/** The events that take a placed order to a status, as the other contexts would send them. */
export function eventsLeadingTo(status: Status, orderId: string, lines: Line[]): EventEnvelope[] {
  const path: Record<Status, (() => EventEnvelope)[]> = {
    PLACED: [],
    AWAITING_PAYMENT: [() => stockReserved(orderId, lines)],
    CONFIRMED: [() => stockReserved(orderId, lines), () => paymentAuthorized(orderId)],
    SHIPPED: [() => stockReserved(orderId, lines), () => paymentAuthorized(orderId), () => shipmentDispatched(orderId, lines)],
    DELIVERED: [() => stockReserved(orderId, lines), () => paymentAuthorized(orderId), () => shipmentDispatched(orderId, lines), () => shipmentDelivered(orderId)],
    REJECTED: [() => stockReservationFailed(orderId, lines[0]!.productId)],
    CANCELLED: [() => stockReserved(orderId, lines), () => paymentFailed(orderId)],
  };
  return path[status].map((event) => event());
}
