import type { StockLevel } from './stock-level.aggregate';

/** One product of an order and how many units of it the order asks for. */
export interface RequestedLine {
  productId: string;
  quantity: number;
}

/** Units of one product set aside in one warehouse for an order. */
export interface ReservedUnits {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export type RefusalReason = 'INSUFFICIENT_STOCK' | 'UNKNOWN_PRODUCT';

/** A line that could not be reserved: how many were asked for, how many were available, and why. */
export interface RefusedLine {
  productId: string;
  requested: number;
  available: number;
  reason: RefusalReason;
}

export type Allocation = { ok: true; units: ReservedUnits[] } | { ok: false; refused: RefusedLine[] };

/** The order's lines with each product once, its quantities added up, in the order first asked. */
export function mergeLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const merged = new Map<string, number>();
  for (const { productId, quantity } of lines) merged.set(productId, (merged.get(productId) ?? 0) + quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * Decides where every line of an order is taken from, or why it cannot be: all lines or none.
 * A line is taken from the warehouse with the most units available first (ties by warehouse id),
 * and split over the next ones only when that one does not hold enough, so most orders ship from
 * one place and the same stock always gives the same answer. Nothing is changed here.
 */
export function allocate(lines: readonly RequestedLine[], levels: readonly StockLevel[], known: ReadonlySet<string>): Allocation {
  const refused: RefusedLine[] = [];
  const units: ReservedUnits[] = [];
  for (const { productId, quantity } of mergeLines(lines)) {
    const candidates = levels
      .filter((level) => level.productId === productId && level.available > 0)
      .sort((a, b) => b.available - a.available || a.warehouseId.localeCompare(b.warehouseId));
    const available = candidates.reduce((sum, level) => sum + level.available, 0);
    if (!known.has(productId)) {
      refused.push({ productId, requested: quantity, available: 0, reason: 'UNKNOWN_PRODUCT' });
      continue;
    }
    if (available < quantity) {
      refused.push({ productId, requested: quantity, available, reason: 'INSUFFICIENT_STOCK' });
      continue;
    }
    let missing = quantity;
    for (const level of candidates) {
      if (missing === 0) break;
      const taken = Math.min(missing, level.available);
      units.push({ productId, warehouseId: level.warehouseId, quantity: taken });
      missing -= taken;
    }
  }
  return refused.length > 0 ? { ok: false, refused } : { ok: true, units };
}
