import { composeMessage, type FormatMoney } from './customer-message';

// The domain is given its money format; this one is plain so that the sentences are easy to read.
const euros: FormatMoney = (amount, currency) => `${currency} ${(amount / 100).toFixed(2)}`;
const total = { amount: 5198, currency: 'EUR' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
/** A breakdown that adds up to its total: subtotal - discount + shipping + tax. */
const breakdown = (subtotal: number, discount = 0, shipping = 0, tax = 0) => ({
  total: eur(subtotal - discount + shipping + tax),
  breakdown: { subtotal: eur(subtotal), discount: eur(discount), shipping: eur(shipping), tax: eur(tax) },
});

describe('the message a customer reads', () => {
  it('tells of a received order with its total', () => {
    expect(composeMessage({ kind: 'ORDER_RECEIVED', ...breakdown(5198) }, euros)).toBe(
      'We received your order of EUR 51.98. We will let you know as soon as it is confirmed.',
    );
  });

  it('tells of a received order with its breakdown: items, discount, shipping and tax', () => {
    expect(composeMessage({ kind: 'ORDER_RECEIVED', ...breakdown(5000, 500, 499, 950) }, euros)).toBe(
      'We received your order of EUR 59.49 (items EUR 50.00, discount -EUR 5.00, shipping EUR 4.99, tax EUR 9.50). We will let you know as soon as it is confirmed.',
    );
  });

  it('leaves out a discount there is none of, and still tells shipping and tax', () => {
    expect(composeMessage({ kind: 'ORDER_RECEIVED', ...breakdown(5000, 0, 0, 950) }, euros)).toBe(
      'We received your order of EUR 59.50 (items EUR 50.00, shipping EUR 0.00, tax EUR 9.50). We will let you know as soon as it is confirmed.',
    );
  });

  it('tells of a confirmed order with its total', () => {
    expect(composeMessage({ kind: 'ORDER_CONFIRMED', total }, euros)).toBe(
      'Good news: your order of EUR 51.98 is confirmed. We are getting it ready to ship.',
    );
  });

  it('tells of a rejected order with the reason, and that nothing was charged', () => {
    expect(composeMessage({ kind: 'ORDER_REJECTED', reason: 'Enamel mug is out of stock' }, euros)).toBe(
      'Sorry, we could not accept your order: Enamel mug is out of stock. You have not been charged.',
    );
  });

  it("does not end a quoted reason with a second full stop", () => {
    expect(composeMessage({ kind: 'ORDER_REJECTED', reason: '  Enamel mug is out of stock. ' }, euros)).toBe(
      'Sorry, we could not accept your order: Enamel mug is out of stock. You have not been charged.',
    );
  });

  it('tells a customer who cancelled that it was done as they asked', () => {
    expect(composeMessage({ kind: 'ORDER_CANCELLED', cause: 'CUSTOMER_CANCELLED', detail: 'Cancelled by the customer' }, euros)).toBe(
      'Your order has been cancelled, as you asked. You have not been charged.',
    );
  });

  it('tells of a cancellation for a declined payment with the detail', () => {
    expect(composeMessage({ kind: 'ORDER_CANCELLED', cause: 'PAYMENT_DECLINED', detail: 'the card was declined.' }, euros)).toBe(
      'Your order has been cancelled because the payment was declined: the card was declined. You have not been charged.',
    );
  });

  it('tells of a cancellation after a deadline passed with what was waited for', () => {
    expect(composeMessage({ kind: 'ORDER_CANCELLED', cause: 'PAYMENT_TIMED_OUT', detail: 'The payment could not be authorized within 30 minutes.' }, euros)).toBe(
      'Sorry, we had to cancel your order: the payment could not be authorized within 30 minutes. You have not been charged.',
    );
  });

  it('tells of a shipped order with its carrier and tracking number', () => {
    expect(composeMessage({ kind: 'ORDER_SHIPPED', carrier: 'DHL', trackingNumber: 'JD014600006281230' }, euros)).toBe(
      'Your order is on its way with DHL. Tracking number: JD014600006281230.',
    );
  });

  it('tells of a delivered order', () => {
    expect(composeMessage({ kind: 'ORDER_DELIVERED' }, euros)).toBe('Your order has been delivered. We hope you enjoy it!');
  });
});
