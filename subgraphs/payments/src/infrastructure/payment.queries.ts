import { isUuid } from '@storefront/platform';
import type { PaymentsDb } from './payments-database';
import type { PaymentStatus } from './prisma/generated/client';

/** An order's payment as the graph shows it, with the customer it belongs to (for the visibility rule). */
export interface PaymentView {
  id: string;
  orderId: string;
  customerId: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  capturedAmount: number;
  refundedAmount: number;
  failureMessage: string | null;
}

/** The read side of payments, straight from the table. */
export class PaymentQueries {
  constructor(private readonly db: PaymentsDb) {}

  /** The payments of many orders in one query, in the order asked; null for an order without one. */
  async byOrderIds(orderIds: readonly string[]): Promise<(PaymentView | null)[]> {
    const ids = orderIds.filter(isUuid);
    const rows =
      ids.length === 0
        ? []
        : await this.db.payment.findMany({
            where: { orderId: { in: ids } },
            select: { id: true, orderId: true, customerId: true, status: true, amount: true, currency: true, capturedAmount: true, refundedAmount: true, failureMessage: true },
          });
    const byOrder = new Map(rows.map((row) => [row.orderId, row]));
    return orderIds.map((id) => byOrder.get(id) ?? null);
  }
}
