import { composeMessage, type FormatMoney } from './customer-message';
import type { NotificationKind, OrderNews } from './order-news';

/** Where an order's news goes: its customer and the contact address given with the order. */
export interface Recipient {
  orderId: string;
  customerId: string;
  contactEmail: string;
}

/** Emailed to a known address, or, when none is known yet, kept for the customer's account only. */
export type Delivery = { channel: 'EMAIL'; address: string } | { channel: 'ACCOUNT'; address: null };

/** What one customer was told about one of their orders, and why (the event that caused it). */
export interface Notification {
  id: string;
  customerId: string;
  orderId: string;
  kind: NotificationKind;
  message: string;
  delivery: Delivery;
  /** The id of the event that told of the news: one notification per event. */
  causedBy: string;
  /** When the news happened (not when it arrived): lists are in this order. */
  occurredAt: Date;
}

/** The facts every piece of news comes with. */
export interface NewsOrigin {
  orderId: string;
  customerId: string;
  causedBy: string;
  occurredAt: Date;
}

/**
 * Tells the customer a piece of news. It goes by email when the order's contact address is known;
 * news that arrives before the order itself (events may come out of order) is still told, for the
 * customer's account, rather than held back.
 */
export function tellCustomer(id: string, news: OrderNews, origin: NewsOrigin, recipient: Recipient | null, formatMoney: FormatMoney): Notification {
  return {
    id,
    customerId: origin.customerId,
    orderId: origin.orderId,
    kind: news.kind,
    message: composeMessage(news, formatMoney),
    delivery: deliveryTo(recipient, origin),
    causedBy: origin.causedBy,
    occurredAt: origin.occurredAt,
  };
}

function deliveryTo(recipient: Recipient | null, { orderId, customerId }: NewsOrigin): Delivery {
  // An address learned for another order or another customer is never used.
  const addressed = recipient !== null && recipient.orderId === orderId && recipient.customerId === customerId;
  return addressed ? { channel: 'EMAIL', address: recipient.contactEmail } : { channel: 'ACCOUNT', address: null };
}
