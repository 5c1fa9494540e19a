import { ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import { Order } from '../../domain/order.aggregate';
import { checkIdempotencyKey, checkOrderRequest, type OrderRequest } from '../../domain/order-request';
import { IdempotencyKeyTakenError, type OrderRepository, type OrdersByIdempotencyKey } from '../../domain/order.repository';
import type { PriceList } from '../../domain/priced-product';

export interface PlaceOrderCommand extends OrderRequest {
  /** The caller: the signed-in customer. */
  customerId: string;
}

/**
 * Places an order from ordering's own price list, never asking another context. The same
 * idempotency key from the same customer gives back the first order, also when both requests
 * race: the database's unique key lets only one of them in.
 */
export class PlaceOrder {
  constructor(
    private readonly transactions: Transactions<OrderRepository>,
    private readonly byKey: OrdersByIdempotencyKey,
    private readonly priceList: PriceList,
    private readonly env: Environment,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<Result<{ orderId: string }>> {
    const key = checkIdempotencyKey(command.idempotencyKey);
    if (!key.ok) return key;
    // Sent again: the first answer stands, even if the price list has changed since.
    const earlier = await this.byKey.find(command.customerId, key.value);
    if (earlier) return ok({ orderId: earlier.id });

    const request = checkOrderRequest(command);
    if (!request.ok) return request;
    const priceList = await this.priceList.findMany(request.value.lines.map((line) => line.productId));
    const placed = Order.place({ id: this.env.newId(), customerId: command.customerId, request: request.value, priceList, now: this.env.now() });
    if (!placed.ok) return placed;
    try {
      await this.transactions.run((orders) => orders.add(placed.value));
      return ok({ orderId: placed.value.id });
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTakenError)) throw error;
      const first = await this.byKey.find(command.customerId, key.value);
      if (!first) throw error;
      return ok({ orderId: first.id });
    }
  }
}
