import type { Recipient } from '../../domain/notification';
import type { RecipientBook } from '../../domain/notification-log';

/** A placed order says where its news goes: the customer and the contact address they gave. */
export class LearnRecipient {
  constructor(private readonly recipients: RecipientBook) {}

  async execute(recipient: Recipient): Promise<void> {
    await this.recipients.learn(recipient);
  }
}
