import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import { allocate, mergeLines, type RequestedLine, type ReservedUnits } from './allocation';
import type { ReservationEvent } from './reservation-events';
import { stockLevelKey, type StockLevel } from './stock-level.aggregate';

/**
 * RESERVED: every line is set aside. RELEASED: the order was cancelled, its units are available
 * again. DEDUCTED: the order was shipped, its units left. REFUSED: some line could not be
 * reserved, so none was. CANCELLED: the cancellation came before the order, so nothing ever will be.
 */
export type ReservationStatus = 'RESERVED' | 'RELEASED' | 'DEDUCTED' | 'REFUSED' | 'CANCELLED';

export interface ReservationState {
  orderId: string;
  status: ReservationStatus;
  /** Where the units came from; kept after a release or a deduction, as a record. */
  lines: ReservedUnits[];
}

/**
 * What inventory set aside for one order. It only moves forward: RESERVED to RELEASED or DEDUCTED;
 * REFUSED and CANCELLED are final. The stock levels it changes are handed in, locked by the caller.
 */
export class Reservation extends AggregateRoot<ReservationEvent> {
  private constructor(private state: ReservationState) {
    super();
  }

  /**
   * Reserves every line of a placed order from the stock levels of its products, or none: a
   * refusal names each line that could not be had, and then no level is touched.
   */
  static place(orderId: string, lines: readonly RequestedLine[], levels: readonly StockLevel[], known: ReadonlySet<string>, now: Date): Reservation {
    const allocation = allocate(lines, levels, known);
    if (!allocation.ok) {
      const refused = new Reservation({ orderId, status: 'REFUSED', lines: [] });
      refused.record({ type: 'StockReservationRefused', aggregateId: orderId, occurredAt: now, refusedLines: allocation.refused });
      return refused;
    }
    const byKey = indexed(levels);
    for (const units of allocation.units) must(level(byKey, units).reserve(units.quantity, now));
    const reserved = new Reservation({ orderId, status: 'RESERVED', lines: allocation.units });
    reserved.record({ type: 'StockReservedForOrder', aggregateId: orderId, occurredAt: now, lines: mergeLines(lines) });
    return reserved;
  }

  /** The order was cancelled before inventory heard it was placed: when it is, nothing is reserved. */
  static cancelledAhead(orderId: string, now: Date): Reservation {
    const cancelled = new Reservation({ orderId, status: 'CANCELLED', lines: [] });
    cancelled.record({ type: 'ReservationCancelledAhead', aggregateId: orderId, occurredAt: now });
    return cancelled;
  }

  /** Rebuilds a reservation from storage; no rule runs and no event is recorded. */
  static restore(state: ReservationState): Reservation {
    return new Reservation({ ...state, lines: [...state.lines] });
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get status(): ReservationStatus {
    return this.state.status;
  }

  /** Whether units are set aside right now, so that releasing or deducting has something to do. */
  get holdsStock(): boolean {
    return this.state.status === 'RESERVED';
  }

  /** The products whose stock levels a release or a deduction changes, each once, sorted. */
  productIds(): string[] {
    return [...new Set(this.state.lines.map((line) => line.productId))].sort();
  }

  snapshot(): Readonly<ReservationState> {
    return { ...this.state, lines: [...this.state.lines] };
  }

  /** The order was cancelled: its units are available again. Anything but RESERVED has nothing to release. */
  release(levels: readonly StockLevel[], now: Date): void {
    if (!this.holdsStock) return;
    const byKey = indexed(levels);
    for (const units of this.state.lines) must(level(byKey, units).release(units.quantity, now));
    this.state = { ...this.state, status: 'RELEASED' };
    this.record({ type: 'ReservationReleased', aggregateId: this.orderId, occurredAt: now });
  }

  /**
   * The order was shipped: its reserved units leave the warehouses they were reserved in. Once
   * deducted, again changes nothing; a reservation that never held stock, or gave it back, cannot be.
   */
  deduct(levels: readonly StockLevel[], now: Date): Result<void> {
    if (this.state.status === 'DEDUCTED') return ok(undefined);
    if (!this.holdsStock) {
      return fail('NOT_DEDUCTIBLE', `Order ${this.orderId} was shipped, but its reservation is ${this.state.status}: nothing is reserved to deduct.`);
    }
    const byKey = indexed(levels);
    for (const units of this.state.lines) must(level(byKey, units).deduct(units.quantity, `shipped with order ${this.orderId}`, now));
    this.state = { ...this.state, status: 'DEDUCTED' };
    this.record({ type: 'ReservationDeducted', aggregateId: this.orderId, occurredAt: now });
    return ok(undefined);
  }
}

function indexed(levels: readonly StockLevel[]): Map<string, StockLevel> {
  return new Map(levels.map((level) => [stockLevelKey(level.productId, level.warehouseId), level]));
}

function level(byKey: Map<string, StockLevel>, { productId, warehouseId }: ReservedUnits): StockLevel {
  const found = byKey.get(stockLevelKey(productId, warehouseId));
  if (!found) throw new Error(`No stock level of ${productId} in ${warehouseId} was handed to the reservation`);
  return found;
}

/** The allocation only plans what the levels allow, and a reservation holds what it took: a refusal here is a bug. */
function must(result: Result<void>): void {
  if (!result.ok) throw new Error(`Reservation broke a stock rule: ${result.error.message}`);
}
