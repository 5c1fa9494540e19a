import type { RequestedLine } from '../../domain/allocation';
import { Reservation } from '../../domain/reservation.aggregate';
import type { OrderStock, ReservationRepository } from '../../domain/reservation.repository';
import type { Environment } from '@storefront/kernel';

export interface ReserveStockCommand {
  orderId: string;
  lines: RequestedLine[];
}

/**
 * A placed order's lines are reserved, all or none, under the locks of the order and of its
 * products' stock levels. An order already heard of (placed twice, or cancelled first) gets nothing.
 */
export class ReserveStock {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly stock: OrderStock,
    private readonly env: Environment,
  ) {}

  async execute({ orderId, lines }: ReserveStockCommand): Promise<void> {
    if (await this.reservations.lockFor(orderId)) return;
    const productIds = [...new Set(lines.map((line) => line.productId))];
    const levels = await this.stock.lock(productIds);
    const reservation = Reservation.place(orderId, lines, levels, await this.stock.known(productIds), this.env.now());
    await this.stock.save(levels);
    await this.reservations.save(reservation);
  }
}
