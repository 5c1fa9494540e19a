import type { Environment, Transactions } from '@storefront/kernel';
import type { SagaDeadlines } from '../../domain/order-deadlines';
import type { OrderRepository, OverdueOrders } from '../../domain/order.repository';

export interface ExpiryUnit {
  orders: OrderRepository;
  overdue: OverdueOrders;
}

/**
 * Cancels the orders that waited for another context past their deadline, one transaction each: the
 * order is claimed under its row lock (skipping orders another ordering process holds), checked
 * again by the order itself, and cancelled with its order-cancelled event. Run as often as wanted,
 * by as many processes as run ordering: an order is cancelled once.
 */
export class ExpireOverdueOrders {
  constructor(
    private readonly transactions: Transactions<ExpiryUnit>,
    private readonly deadlines: SagaDeadlines,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  /** Returns how many orders it cancelled. */
  async execute(): Promise<number> {
    let cancelled = 0;
    while (await this.transactions.run((unit) => this.expireOne(unit))) cancelled += 1;
    return cancelled;
  }

  private async expireOne({ orders, overdue }: ExpiryUnit): Promise<boolean> {
    const now = this.env.now();
    const orderId = await overdue.claimNext(this.deadlines, now);
    if (!orderId) return false;
    const order = await orders.lockFor(orderId);
    // The claim and the order apply one rule; should they ever disagree, stop rather than claim it again.
    if (!order || order.expire(this.deadlines, now) !== 'moved') return false;
    await orders.save(order);
    return true;
  }
}
