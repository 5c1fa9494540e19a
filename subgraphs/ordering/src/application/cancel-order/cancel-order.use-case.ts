import { fail, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import type { OrderRepository } from '../../domain/order.repository';

export interface CancelOrderCommand {
  orderId: string;
  /** The caller: only the customer who placed the order may cancel it. */
  customerId: string;
}

/** The customer cancels their order before it is dispatched; asked again, the answer is the same. */
export class CancelOrder {
  constructor(
    private readonly transactions: Transactions<OrderRepository>,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  execute({ orderId, customerId }: CancelOrderCommand): Promise<Result<{ orderId: string }>> {
    return this.transactions.run(async (orders) => {
      const order = await orders.lockFor(orderId);
      // Someone else's order is answered like one that does not exist: its existence is not theirs to learn.
      if (!order || !order.belongsTo(customerId)) return fail('ORDER_NOT_FOUND', `You have no order ${orderId}.`, 'id');
      const cancelled = order.cancel(this.env.now());
      if (!cancelled.ok) return cancelled;
      if (cancelled.value === 'cancelled') await orders.save(order);
      return ok({ orderId });
    });
  }
}
