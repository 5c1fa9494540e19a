import {
  OrderCancelledV1,
  OrderChangedV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderPlacedV2,
  OrderRejectedV1,
  OrderReleasedForDispatchV1,
  OrderShippedV1,
} from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import type { OrderState } from '../../domain/order.aggregate';
import type { OrderEvent } from '../../domain/order-events';

/**
 * Translates the order's domain events into ordering's published language. Every event of one
 * order carries the order's id as its correlation id (the saga), and the event that caused it.
 * Waiting for payment is ordering's own business: nobody else needs to hear of it.
 */
export function toIntegrationEvent(order: Readonly<OrderState>, event: OrderEvent, causationId: string | null): OutgoingEvent | null {
  const common = { aggregateId: order.id, occurredAt: event.occurredAt, correlationId: order.id, causationId };
  const about = { orderId: order.id, customerId: order.customerId };
  const quantities = order.lines.map(({ productId, quantity }) => ({ productId, quantity }));
  switch (event.type) {
    case 'OrderPlaced':
      return {
        ...common,
        contract: OrderPlacedV2,
        payload: {
          ...about,
          lines: order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity, name: line.name, unitPrice: line.unitPrice.toJSON() })),
          total: order.total.toJSON(),
          subtotal: order.charges.subtotal.toJSON(),
          discount: order.charges.discount.toJSON(),
          shipping: order.charges.shipping.toJSON(),
          tax: order.charges.tax.toJSON(),
          appliedPromotions: order.charges.appliedPromotions.map((promotion) => ({ ...promotion, amount: promotion.amount.toJSON() })),
          shippingOption: order.charges.shippingOption && { ...order.charges.shippingOption },
          contactEmail: order.contactEmail,
          shippingAddress: { ...order.shippingAddress },
          paymentToken: event.paymentToken,
        },
      };
    case 'OrderAwaitingPayment':
    case 'OrderAwaitingPromotions':
    case 'OrderPromotionsRedeemed':
      return null;
    case 'OrderConfirmed':
      return { ...common, contract: OrderConfirmedV1, payload: { ...about, lines: quantities, shippingAddress: { ...order.shippingAddress }, total: order.total.toJSON() } };
    case 'OrderRejected':
      return { ...common, contract: OrderRejectedV1, payload: { ...about, reason: event.reason.message } };
    case 'OrderCancelled':
      return {
        ...common,
        contract: OrderCancelledV1,
        payload: { ...about, reason: event.reason.code, message: event.reason.message },
      };
    case 'OrderReleasedForDispatch':
      return { ...common, contract: OrderReleasedForDispatchV1, payload: about };
    case 'OrderShipped':
      return { ...common, contract: OrderShippedV1, payload: { ...about, carrier: event.carrier, trackingNumber: event.trackingNumber } };
    case 'OrderDelivered':
      return { ...common, contract: OrderDeliveredV1, payload: about };
  }
}

/** Every committed change of an order, whatever its domain events, for live views of it. */
export function orderChanged(order: Readonly<OrderState>, version: number, occurredAt: Date, causationId: string | null): OutgoingEvent {
  return {
    contract: OrderChangedV1,
    aggregateId: order.id,
    occurredAt,
    correlationId: order.id,
    causationId,
    payload: { orderId: order.id, customerId: order.customerId, status: order.status, version },
  };
}
