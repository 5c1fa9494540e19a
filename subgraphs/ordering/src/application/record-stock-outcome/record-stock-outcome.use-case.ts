import type { RefusedLine } from '../../domain/order.aggregate';
import type { OrderRepository } from '../../domain/order.repository';
import type { Environment } from '@storefront/kernel';
import { changeOrder } from '../change-order';

/** Inventory's answer to a placed order: every line reserved, or none. */
export class RecordStockOutcome {
  constructor(
    private readonly orders: OrderRepository,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  reserved(orderId: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'stockReserved', (order) => order.noteStockReserved(this.env.now()));
  }

  refused(orderId: string, refusedLines: readonly RefusedLine[]): Promise<void> {
    return changeOrder(this.orders, orderId, 'stockRefused', (order) => order.noteStockRefused(refusedLines, this.env.now()));
  }
}
