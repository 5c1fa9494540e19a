import type { Reservation } from './reservation.aggregate';
import type { StockLevel } from './stock-level.aggregate';

/**
 * Stores reservations, one per order, within the caller's transaction. `lockFor` holds the order's
 * lock until the transaction ends, so everything that happens to one order happens one at a time,
 * even before a reservation exists. `save` publishes what the reservation recorded, with the change.
 */
export interface ReservationRepository {
  lockFor(orderId: string): Promise<Reservation | null>;
  save(reservation: Reservation): Promise<void>;
}

/**
 * The stock levels an order touches, within the caller's transaction. `lock` locks every level of
 * the products, in product then warehouse order, so orders racing for the same products queue
 * behind each other and never deadlock; `save` stores the changed levels with their movements.
 */
export interface OrderStock {
  lock(productIds: readonly string[]): Promise<StockLevel[]>;
  /** The products among these that inventory has learned of from catalog. */
  known(productIds: readonly string[]): Promise<Set<string>>;
  save(levels: readonly StockLevel[]): Promise<void>;
}
