import { Shipment, type ShipmentLine, type ShippingAddress } from '../../domain/shipment.aggregate';
import type { Environment } from '@storefront/kernel';
import type { CancelledOrders, ShipmentRepository } from '../../domain/shipment.repository';

export interface PrepareShipmentCommand {
  orderId: string;
  customerId: string;
  address: ShippingAddress;
  lines: ShipmentLine[];
}

/**
 * A confirmed order gets its shipment, waiting to be dispatched: once per order, and never for an
 * order whose cancellation arrived first.
 */
export class PrepareShipment {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly cancellations: CancelledOrders,
    private readonly env: Environment,
  ) {}

  async execute({ orderId, customerId, address, lines }: PrepareShipmentCommand): Promise<void> {
    if (await this.shipments.lockFor(orderId)) return;
    if (await this.cancellations.has(orderId)) return;
    await this.shipments.add(Shipment.prepare({ id: this.env.newId(), orderId, customerId, address, lines }));
  }
}
