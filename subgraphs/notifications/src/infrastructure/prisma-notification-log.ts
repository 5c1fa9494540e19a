import type { Notification, Recipient } from '../domain/notification';
import type { NotificationLog, RecipientBook } from '../domain/notification-log';
import type { Prisma } from './prisma/generated/client';

/** Works inside the transaction of the event handler that tells the customer. */
export class PrismaNotificationLog implements NotificationLog {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /**
   * The unique constraints decide, not a read before the write: two deliveries of one fact at once
   * both insert, and the second one's ON CONFLICT DO NOTHING waits for the first and counts 0.
   */
  async record({ delivery, ...notification }: Notification): Promise<boolean> {
    const { count } = await this.tx.notification.createMany({
      data: [{ ...notification, channel: delivery.channel, address: delivery.address }],
      skipDuplicates: true,
    });
    return count === 1;
  }
}

export class PrismaRecipientBook implements RecipientBook {
  /** Recipients this transaction stored itself: what the database holds for them is known without reading it back. */
  private readonly learned = new Map<string, Recipient>();

  constructor(private readonly tx: Prisma.TransactionClient) {}

  async recipientOf(orderId: string): Promise<Recipient | null> {
    return this.learned.get(orderId) ?? this.tx.recipient.findUnique({ where: { orderId }, select: { orderId: true, customerId: true, contactEmail: true } });
  }

  async learn(recipient: Recipient): Promise<void> {
    const { count } = await this.tx.recipient.createMany({ data: [recipient], skipDuplicates: true });
    if (count === 1) this.learned.set(recipient.orderId, recipient);
  }
}
