import type { OrderRepository } from '../../domain/order.repository';
import type { Environment } from '@storefront/kernel';
import { changeOrder } from '../change-order';

/** Promotions' answer to an order with promotions: all redeemed, or one refused (and none redeemed). */
export class RecordRedemptionOutcome {
  constructor(
    private readonly orders: OrderRepository,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  redeemed(orderId: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'promotionsRedeemed', (order) => order.notePromotionsRedeemed(this.env.now()));
  }

  refused(orderId: string, code: string | null, reason: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'redemptionRefused', (order) => order.noteRedemptionRefused(code, reason, this.env.now()));
  }
}
