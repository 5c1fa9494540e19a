import type { Breakdown, Money, OrderNews } from './order-news';

/** Renders an amount as a shopper reads it, e.g. 5198 EUR -> "€51.98". */
export type FormatMoney = (amount: number, currency: string) => string;

const NOT_CHARGED = 'You have not been charged.';

/**
 * The sentence a customer reads for a piece of news about their order. Reasons and details come
 * from ordering as phrases; they are quoted inside our own sentences, without their own full stop.
 */
export function composeMessage(news: OrderNews, formatMoney: FormatMoney): string {
  const money = ({ amount, currency }: Money) => formatMoney(amount, currency);
  switch (news.kind) {
    case 'ORDER_RECEIVED':
      return `We received your order of ${money(news.total)}${itemised(news.breakdown, money)}. We will let you know as soon as it is confirmed.`;
    case 'ORDER_CONFIRMED':
      return `Good news: your order of ${money(news.total)} is confirmed. We are getting it ready to ship.`;
    case 'ORDER_REJECTED':
      return `Sorry, we could not accept your order: ${phrase(news.reason)}. ${NOT_CHARGED}`;
    case 'ORDER_CANCELLED':
      if (news.cause === 'CUSTOMER_CANCELLED') return `Your order has been cancelled, as you asked. ${NOT_CHARGED}`;
      if (news.cause === 'PAYMENT_DECLINED') return `Your order has been cancelled because the payment was declined: ${phrase(news.detail)}. ${NOT_CHARGED}`;
      // A deadline passed: ordering says what it waited for, and how long.
      return `Sorry, we had to cancel your order: ${lowerFirst(phrase(news.detail))}. ${NOT_CHARGED}`;
    case 'ORDER_SHIPPED':
      return `Your order is on its way with ${news.carrier}. Tracking number: ${news.trackingNumber}.`;
    case 'ORDER_DELIVERED':
      return 'Your order has been delivered. We hope you enjoy it!';
  }
}

/**
 * The parts of the total, when there is more to it than the items: a discount only when there is
 * one; shipping and tax always, once either is charged (a customer asks "was tax included?").
 */
function itemised({ subtotal, discount, shipping, tax }: Breakdown, money: (m: Money) => string): string {
  if (discount.amount === 0 && shipping.amount === 0 && tax.amount === 0) return '';
  const parts = [`items ${money(subtotal)}`];
  if (discount.amount > 0) parts.push(`discount -${money(discount)}`);
  parts.push(`shipping ${money(shipping)}`, `tax ${money(tax)}`);
  return ` (${parts.join(', ')})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A reason as a phrase inside a sentence: trimmed, without a final full stop of its own. */
function phrase(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}
