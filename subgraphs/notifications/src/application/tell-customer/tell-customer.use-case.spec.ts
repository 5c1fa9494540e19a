import type { Notification, Recipient } from '../../domain/notification';
import type { NotificationLog, RecipientBook } from '../../domain/notification-log';
import { TellCustomer, type TellCustomerCommand } from './tell-customer.use-case';

/** The log's promise, in memory: one notification per event, and per kind of news per order. */
class InMemoryLog implements NotificationLog {
  readonly told: Notification[] = [];
  async record(notification: Notification): Promise<boolean> {
    const known = this.told.some((n) => n.causedBy === notification.causedBy || (n.orderId === notification.orderId && n.kind === notification.kind));
    if (!known) this.told.push(notification);
    return !known;
  }
}

class InMemoryRecipients implements RecipientBook {
  constructor(private readonly known: Recipient[] = []) {}
  async recipientOf(orderId: string) {
    return this.known.find((r) => r.orderId === orderId) ?? null;
  }
  async learn(recipient: Recipient) {
    if (!this.known.some((r) => r.orderId === recipient.orderId)) this.known.push(recipient);
  }
}

/** Hands out the given notification ids in turn. */
const pinned = (...ids: string[]) => ({ now: () => new Date('2026-11-21T10:00:01.000Z'), newId: () => ids.shift() ?? 'n-extra' });

/** A total that is all items: no discount, shipping or tax. */
const noBreakdown = (amount: number) => {
  const eur = (value: number) => ({ amount: value, currency: 'EUR' });
  return { subtotal: eur(amount), discount: eur(0), shipping: eur(0), tax: eur(0) };
};

const orderId = '8c1b6a52-3f0e-4c35-9b4e-0a4e7d1f2c11';
const placed = (overrides: Partial<TellCustomerCommand> = {}): TellCustomerCommand => ({
  news: { kind: 'ORDER_RECEIVED', total: { amount: 5198, currency: 'EUR' }, breakdown: noBreakdown(5198) },
  orderId,
  customerId: 'customer-1',
  causedBy: '1f0a9b8e-7d6c-4b5a-8e9f-0a1b2c3d4e5f',
  occurredAt: new Date('2026-11-21T10:00:00.000Z'),
  ...overrides,
});

describe('TellCustomer', () => {
  it('tells of a received order in the storefront money format, by email to the order contact', async () => {
    const log = new InMemoryLog();
    const recipients = new InMemoryRecipients([{ orderId, customerId: 'customer-1', contactEmail: 'ada@example.com' }]);

    expect(await new TellCustomer(log, recipients, pinned('n-1')).execute(placed())).toBe('told');

    expect(log.told).toEqual([expect.objectContaining({ id: 'n-1', kind: 'ORDER_RECEIVED', delivery: { channel: 'EMAIL', address: 'ada@example.com' } })]);
    expect(log.told[0]!.message).toBe('We received your order of €51.98. We will let you know as soon as it is confirmed.');
  });

  it('tells news of a kind once per order, whatever event carries it again', async () => {
    const log = new InMemoryLog();
    const tell = new TellCustomer(log, new InMemoryRecipients(), pinned('n-1', 'n-2'));

    await tell.execute(placed());
    expect(await tell.execute(placed({ causedBy: '2f0a9b8e-7d6c-4b5a-8e9f-0a1b2c3d4e5f' }))).toBe('already told');
    expect(log.told).toHaveLength(1);
  });

  it('formats other currencies by their own minor units', async () => {
    const log = new InMemoryLog();
    await new TellCustomer(log, new InMemoryRecipients(), pinned('n-1', 'n-2')).execute(placed({ news: { kind: 'ORDER_CONFIRMED', total: { amount: 1500, currency: 'JPY' } } }));
    expect(log.told[0]!.message).toContain('your order of ¥1,500 is confirmed');
  });
});
