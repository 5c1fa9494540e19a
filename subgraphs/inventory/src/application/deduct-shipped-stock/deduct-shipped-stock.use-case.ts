import { NotYetError, ok, type Environment, type Result } from '@storefront/kernel';
import type { OrderStock, ReservationRepository } from '../../domain/reservation.repository';

/** Raised when a shipment is heard of before the order's reservation: retried until it exists. */
export class ReservationNotYetMadeError extends NotYetError {
  constructor(orderId: string) {
    super(`Inventory has no reservation for order ${orderId} yet`);
    this.name = 'ReservationNotYetMadeError';
  }
}

/**
 * A shipped order's reserved units leave the warehouses they were reserved in, once, with a
 * movement in the audit trail. Refused (NOT_DEDUCTIBLE) when the reservation holds no units.
 */
export class DeductShippedStock {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly stock: OrderStock,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<Result<void>> {
    const reservation = await this.reservations.lockFor(orderId);
    if (!reservation) throw new ReservationNotYetMadeError(orderId);
    if (reservation.status === 'DEDUCTED') return ok(undefined);
    const levels = await this.stock.lock(reservation.productIds());
    const deducted = reservation.deduct(levels, this.env.now());
    if (!deducted.ok) return deducted;
    await this.stock.save(levels);
    await this.reservations.save(reservation);
    return deducted;
  }
}
