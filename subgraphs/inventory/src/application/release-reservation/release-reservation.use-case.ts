import { Reservation } from '../../domain/reservation.aggregate';
import type { OrderStock, ReservationRepository } from '../../domain/reservation.repository';
import type { Environment } from '@storefront/kernel';

/**
 * A cancelled order's reserved units become available again, once. A cancellation that arrives
 * before the order is recorded, so that the order, when it arrives, reserves nothing.
 */
export class ReleaseReservation {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly stock: OrderStock,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<void> {
    const reservation = await this.reservations.lockFor(orderId);
    if (!reservation) {
      await this.reservations.save(Reservation.cancelledAhead(orderId, this.env.now()));
      return;
    }
    if (!reservation.holdsStock) return;
    const levels = await this.stock.lock(reservation.productIds());
    reservation.release(levels, this.env.now());
    await this.stock.save(levels);
    await this.reservations.save(reservation);
  }
}
