import type { Notification, Recipient } from '../domain/notification';
import type { NotificationLog, RecipientBook } from '../domain/notification-log';
import type { Prisma } from './prisma/generated/client';

/** Works inside the transaction of the event handler that tells the customer. */
export class PrismaNotificationLog implements NotificationLog {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /**
   * The unique constraints decide, not a read before the write: two deliveries of one fact at once
   * both insert, and the second one's ON CONFLICT DO NOTHING waits for the first and counts 0.
   * Raw because Prisma plans a `createMany` with `skipDuplicates` anew on every call, which costs
   * about twice the CPU of the statement itself; nothing is read back.
   */
  async record({ delivery, id, customerId, orderId, kind, message, causedBy, occurredAt }: Notification): Promise<boolean> {
    const count = await this.tx.$executeRaw`
      INSERT INTO notifications (id, customer_id, order_id, kind, message, channel, address, caused_by, occurred_at)
      VALUES (${id}::uuid, ${customerId}, ${orderId}::uuid, ${kind}::"NotificationKind", ${message}, ${delivery.channel}::"NotificationChannel",
              ${delivery.address}, ${causedBy}::uuid, ${occurredAt})
      ON CONFLICT DO NOTHING`;
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
    const { orderId, customerId, contactEmail } = recipient;
    const count = await this.tx.$executeRaw`
      INSERT INTO recipients (order_id, customer_id, contact_email) VALUES (${orderId}::uuid, ${customerId}, ${contactEmail}) ON CONFLICT DO NOTHING`;
    if (count === 1) this.learned.set(orderId, recipient);
  }
}
