import type { ShipmentStore } from '../shipping-transactions';
import type { Environment } from '@storefront/kernel';

/**
 * A cancelled order's pending shipment will never leave. When the shipment does not exist yet, the
 * cancellation is recorded, so that the order's confirmation, if it still arrives, makes none.
 */
export class CancelShipment {
  constructor(
    private readonly store: ShipmentStore,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<void> {
    const shipment = await this.store.shipments.lockFor(orderId);
    if (!shipment) {
      await this.store.cancellations.record(orderId, this.env.now());
      return;
    }
    shipment.cancel(this.env.now());
    await this.store.shipments.save(shipment);
  }
}
