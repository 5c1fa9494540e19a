import { NotYetError, type Environment } from '@storefront/kernel';
import type { ShipmentRepository } from '../../domain/shipment.repository';

/** Raised when ordering's agreement arrives before shipping stored the dispatch request: retried until it has. */
export class DispatchNotYetRequestedError extends NotYetError {
  constructor(orderId: string) {
    super(`Shipping has no dispatch request for order ${orderId} (yet)`);
    this.name = 'DispatchNotYetRequestedError';
  }
}

/** Ordering agreed that the order still stands: its parcel, waiting for that, leaves now. */
export class DispatchReleasedShipment {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<void> {
    const shipment = await this.shipments.lockFor(orderId);
    if (!shipment) throw new DispatchNotYetRequestedError(orderId);
    const outcome = shipment.dispatch(this.env.now());
    if (outcome === 'too-early') throw new DispatchNotYetRequestedError(orderId);
    if (outcome === 'moved') await this.shipments.save(shipment);
  }
}
