import { changeAggregate, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import type { ShipmentState } from '../../domain/shipment.aggregate';
import type { ShipmentRepository } from '../../domain/shipment.repository';
import { shipmentNotFound } from '../shipment-not-found';

/** Admin: the carrier delivered the order's parcel; says so to the rest of the saga, once. */
export class ConfirmDelivery {
  constructor(
    private readonly transactions: Transactions<ShipmentRepository>,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<Result<ShipmentState>> {
    const delivered = await this.transactions.run((shipments) =>
      changeAggregate(shipments, orderId, (shipment) => shipment.confirmDelivery(this.env.now()), shipmentNotFound),
    );
    return delivered.ok ? ok(delivered.value.snapshot()) : delivered;
  }
}
