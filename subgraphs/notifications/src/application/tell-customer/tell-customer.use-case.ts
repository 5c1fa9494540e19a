import type { Environment } from '@storefront/kernel';
import { formatMoney } from '@storefront/platform';
import { tellCustomer, type NewsOrigin } from '../../domain/notification';
import type { NotificationLog, RecipientBook } from '../../domain/notification-log';
import type { OrderNews } from '../../domain/order-news';

export interface TellCustomerCommand extends NewsOrigin {
  news: OrderNews;
}

/** 'already told' when the event, or news of its kind about the order, was told before. */
export type TellCustomerOutcome = 'told' | 'already told';

/** Tells a customer a piece of news about their order, in the storefront's money format, once. */
export class TellCustomer {
  constructor(
    private readonly log: NotificationLog,
    private readonly recipients: RecipientBook,
    private readonly env: Environment,
  ) {}

  async execute({ news, ...origin }: TellCustomerCommand): Promise<TellCustomerOutcome> {
    const recipient = await this.recipients.recipientOf(origin.orderId);
    const notification = tellCustomer(this.env.newId(), news, origin, recipient, formatMoney);
    return (await this.log.record(notification)) ? 'told' : 'already told';
  }
}
