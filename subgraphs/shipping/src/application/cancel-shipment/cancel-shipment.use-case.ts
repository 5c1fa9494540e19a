import type { Environment } from '@storefront/kernel';
import type { CancelledOrders, ShipmentRepository } from '../../domain/shipment.repository';

/**
 * A cancelled order's pending shipment will never leave. When the shipment does not exist yet, the
 * cancellation is recorded, so that the order's confirmation, if it still arrives, makes none.
 */
export class CancelShipment {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly cancellations: CancelledOrders,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<void> {
    const shipment = await this.shipments.lockFor(orderId);
    if (!shipment) {
      await this.cancellations.record(orderId, this.env.now());
      return;
    }
    shipment.cancel(this.env.now());
    await this.shipments.save(shipment);
  }
}
