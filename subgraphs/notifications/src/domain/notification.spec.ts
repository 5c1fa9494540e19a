import type { FormatMoney } from './customer-message';
import { tellCustomer, type NewsOrigin, type Recipient } from './notification';

const euros: FormatMoney = (amount, currency) => `${currency} ${(amount / 100).toFixed(2)}`;
const origin: NewsOrigin = {
  orderId: '8c1b6a52-3f0e-4c35-9b4e-0a4e7d1f2c11',
  customerId: 'customer-1',
  causedBy: '1f0a9b8e-7d6c-4b5a-8e9f-0a1b2c3d4e5f',
  occurredAt: new Date('2026-11-21T10:00:00.000Z'),
};
const recipient: Recipient = { orderId: origin.orderId, customerId: origin.customerId, contactEmail: 'ada@example.com' };

describe('telling a customer a piece of news', () => {
  it('emails the contact address given with the order', () => {
    const notification = tellCustomer('n-1', { kind: 'ORDER_DELIVERED' }, origin, recipient, euros);
    expect(notification).toEqual({
      id: 'n-1',
      customerId: 'customer-1',
      orderId: origin.orderId,
      kind: 'ORDER_DELIVERED',
      message: 'Your order has been delivered. We hope you enjoy it!',
      delivery: { channel: 'EMAIL', address: 'ada@example.com' },
      causedBy: origin.causedBy,
      occurredAt: origin.occurredAt,
    });
  });

  it('keeps news that arrives before the order for the account, rather than holding it back', () => {
    const notification = tellCustomer('n-1', { kind: 'ORDER_CONFIRMED', total: { amount: 5198, currency: 'EUR' } }, origin, null, euros);
    expect(notification.delivery).toEqual({ channel: 'ACCOUNT', address: null });
    expect(notification.message).toContain('EUR 51.98');
  });

  it("never uses an address learned for another customer", () => {
    const notification = tellCustomer('n-1', { kind: 'ORDER_DELIVERED' }, origin, { ...recipient, customerId: 'customer-2' }, euros);
    expect(notification.delivery).toEqual({ channel: 'ACCOUNT', address: null });
  });
});
