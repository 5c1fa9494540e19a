import { ok, type Environment, type Result } from '@storefront/kernel';
import type { ShipmentState } from '../../domain/shipment.aggregate';
import { shipmentNotFound, type ShippingTransactions } from '../shipping-transactions';

/** Admin: the carrier delivered the order's parcel; says so to the rest of the saga, once. */
export class ConfirmDelivery {
  constructor(
    private readonly transactions: ShippingTransactions,
    private readonly env: Environment,
  ) {}

  execute({ orderId }: { orderId: string }): Promise<Result<ShipmentState>> {
    return this.transactions.run(async ({ shipments }) => {
      const shipment = await shipments.lockFor(orderId);
      if (!shipment) return shipmentNotFound(orderId);
      const delivered = shipment.confirmDelivery(this.env.now());
      if (!delivered.ok) return delivered;
      await shipments.save(shipment);
      return ok(shipment.snapshot());
    });
  }
}
