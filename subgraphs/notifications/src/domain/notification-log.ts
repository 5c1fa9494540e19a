import type { Notification, Recipient } from './notification';

/** Keeps what customers were told, each fact once. */
export interface NotificationLog {
  /**
   * Records the notification unless its event was already told, or news of its kind about its
   * order already was (an order is received, confirmed, shipped... once): true when recorded.
   */
  record(notification: Notification): Promise<boolean>;
}

/** Remembers where each order's news goes. */
export interface RecipientBook {
  recipientOf(orderId: string): Promise<Recipient | null>;
  /** Remembers the recipient unless the order's is already known (the first one stays). */
  learn(recipient: Recipient): Promise<void>;
}
