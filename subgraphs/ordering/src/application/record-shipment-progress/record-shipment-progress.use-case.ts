import type { Shipment } from '../../domain/order.aggregate';
import type { OrderRepository } from '../../domain/order.repository';
import type { Environment } from '@storefront/kernel';
import { changeOrder } from '../change-order';

/** Shipping's news: it asks to dispatch the order, the parcel left the warehouse, then reached the customer. */
export class RecordShipmentProgress {
  constructor(
    private readonly orders: OrderRepository,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  /** Agreed only while the order still stands: the answer (order-released-for-dispatch) lets the parcel leave. */
  dispatchRequested(orderId: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'dispatchRequested', (order) => order.releaseForDispatch(this.env.now()));
  }

  dispatched(orderId: string, shipment: Shipment): Promise<void> {
    return changeOrder(this.orders, orderId, 'dispatched', (order) => order.noteDispatched(shipment, this.env.now()));
  }

  delivered(orderId: string): Promise<void> {
    return changeOrder(this.orders, orderId, 'delivered', (order) => order.noteDelivered(this.env.now()));
  }
}
