import type { OrderRepository } from '../../domain/order.repository';
import type { SagaOutcome } from '../../domain/order-saga';
import type { Environment } from '../environment';
import { changeOrder } from '../change-order';

/** Promotions' answer to an order with promotions: all redeemed, or one refused (and none redeemed). */
export class RecordRedemptionOutcome {
  constructor(
    private readonly orders: OrderRepository,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  redeemed(orderId: string): Promise<SagaOutcome> {
    return changeOrder(this.orders, orderId, 'promotionsRedeemed', (order) => order.notePromotionsRedeemed(this.env.now()));
  }

  refused(orderId: string, code: string | null, reason: string): Promise<SagaOutcome> {
    return changeOrder(this.orders, orderId, 'redemptionRefused', (order) => order.noteRedemptionRefused(code, reason, this.env.now()));
  }
}
