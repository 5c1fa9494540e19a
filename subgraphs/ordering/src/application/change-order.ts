import type { Order } from '../domain/order.aggregate';
import { OrderNotYetKnownError, SagaStepTooEarlyError, type OrderRepository } from '../domain/order.repository';
import type { SagaOutcome, SagaStep } from '../domain/order-saga';

type Step = SagaStep | 'dispatchRequested';

/**
 * Applies one saga step to an order under its row lock and saves it if it moved. News of an order
 * not stored yet, or a step ahead of one it must follow, throws: the event is delivered again later.
 */
export async function changeOrder(orders: OrderRepository, orderId: string, step: Step, change: (order: Order) => SagaOutcome): Promise<void> {
  const order = await orders.lockFor(orderId);
  if (!order) throw new OrderNotYetKnownError(orderId);
  const outcome = change(order);
  if (outcome === 'too-early') throw new SagaStepTooEarlyError(orderId, step, order.status);
  if (outcome === 'moved') await orders.save(order);
}
