import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import { MAX_UNITS, checkAdjustment, checkPositiveQuantity, checkReason } from './quantity';
import type { StockEvent } from './stock-events';

const MAX_PRODUCT_ID = 100;

export interface StockLevelState {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  version: number;
}

/**
 * Inventory's Product in one warehouse: units on hand, of which some are reserved and the rest
 * available. On hand >= reserved >= 0 always holds; every method that would break it refuses.
 */
export class StockLevel extends AggregateRoot<StockEvent> {
  private constructor(private state: StockLevelState) {
    super();
  }

  /** The first record of a product in a warehouse: nothing on hand until units are received. */
  static open(productId: string, warehouseId: string): Result<StockLevel> {
    if (productId.trim().length === 0 || productId.length > MAX_PRODUCT_ID) {
      return fail('INVALID_PRODUCT_ID', `A product id has 1 to ${MAX_PRODUCT_ID} characters.`, 'productId');
    }
    return ok(new StockLevel({ productId, warehouseId, onHand: 0, reserved: 0, version: 0 }));
  }

  /** Rebuilds a stock level from storage; no rule runs and no event is recorded. */
  static restore(state: StockLevelState): StockLevel {
    return new StockLevel({ ...state });
  }

  get productId(): string {
    return this.state.productId;
  }

  get warehouseId(): string {
    return this.state.warehouseId;
  }

  /** Units that can still be promised: on hand minus reserved. */
  get available(): number {
    return this.state.onHand - this.state.reserved;
  }

  snapshot(): Readonly<StockLevelState> {
    return { ...this.state };
  }

  receive(quantity: number, now: Date): Result<void> {
    const checked = checkPositiveQuantity(quantity);
    if (!checked.ok) return checked;
    const onHand = this.state.onHand + quantity;
    if (onHand > MAX_UNITS) return tooMany(this.state.onHand);
    this.set(onHand, this.state.reserved);
    this.record({ type: 'StockReceived', ...this.about(now), quantity });
    return ok(undefined);
  }

  /** Corrects on-hand units by a signed delta; never below what is reserved. */
  adjust(delta: number, reason: string, now: Date): Result<void> {
    const checked = checkAdjustment(delta);
    if (!checked.ok) return checked;
    const why = checkReason(reason);
    if (!why.ok) return why;
    const onHand = this.state.onHand + delta;
    if (onHand > MAX_UNITS) return tooMany(this.state.onHand);
    if (onHand < this.state.reserved) {
      return fail(
        'INSUFFICIENT_STOCK',
        `Cannot remove ${-delta} units: ${this.state.onHand} are on hand and ${this.state.reserved} of them are reserved.`,
        'quantity',
      );
    }
    this.set(onHand, this.state.reserved);
    this.record({ type: 'StockAdjusted', ...this.about(now), quantity: delta, reason: why.value });
    return ok(undefined);
  }

  /** Sets units aside so nobody else is promised them; only what is available can be reserved. */
  reserve(quantity: number, now: Date): Result<void> {
    const checked = checkPositiveQuantity(quantity);
    if (!checked.ok) return checked;
    if (quantity > this.available) {
      return fail('INSUFFICIENT_STOCK', `Cannot reserve ${quantity} units: only ${this.available} are available.`, 'quantity');
    }
    this.set(this.state.onHand, this.state.reserved + quantity);
    this.record({ type: 'StockReserved', ...this.about(now), quantity });
    return ok(undefined);
  }

  /** Makes reserved units available again; never more than are reserved. */
  release(quantity: number, now: Date): Result<void> {
    const checked = checkPositiveQuantity(quantity);
    if (!checked.ok) return checked;
    if (quantity > this.state.reserved) {
      return fail('RELEASE_EXCEEDS_RESERVED', `Cannot release ${quantity} units: only ${this.state.reserved} are reserved.`, 'quantity');
    }
    this.set(this.state.onHand, this.state.reserved - quantity);
    this.record({ type: 'StockReleased', ...this.about(now), quantity });
    return ok(undefined);
  }

  /**
   * Reserved units leave the warehouse (the order was shipped): they stop being on hand and stop
   * being reserved at once, so what is available does not change. Never more than are reserved.
   */
  deduct(quantity: number, reason: string, now: Date): Result<void> {
    const checked = checkPositiveQuantity(quantity);
    if (!checked.ok) return checked;
    const why = checkReason(reason);
    if (!why.ok) return why;
    if (quantity > this.state.reserved) {
      return fail('DEDUCTION_EXCEEDS_RESERVED', `Cannot deduct ${quantity} units: only ${this.state.reserved} are reserved.`, 'quantity');
    }
    this.set(this.state.onHand - quantity, this.state.reserved - quantity);
    this.record({ type: 'StockDeducted', ...this.about(now), quantity, reason: why.value });
    return ok(undefined);
  }

  /** The one place counts change; the checks above make a violation here a bug, not a user error. */
  private set(onHand: number, reserved: number): void {
    if (!(reserved >= 0 && onHand >= reserved && onHand <= MAX_UNITS)) {
      throw new Error(`Stock of ${this.state.productId} in ${this.state.warehouseId} would become ${onHand} on hand, ${reserved} reserved`);
    }
    this.state = { ...this.state, onHand, reserved };
  }

  private about(now: Date) {
    const { productId, warehouseId } = this.state;
    return { aggregateId: stockLevelKey(productId, warehouseId), occurredAt: now, productId, warehouseId };
  }
}

/** Names one stock record: a product in a warehouse. */
export function stockLevelKey(productId: string, warehouseId: string): string {
  return `${warehouseId}/${productId}`;
}

function tooMany(onHand: number) {
  return fail('INVALID_QUANTITY', `A stock record counts at most ${MAX_UNITS} units; ${onHand} are on hand already.`, 'quantity');
}
