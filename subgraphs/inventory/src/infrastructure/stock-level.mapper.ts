import { StockLevel, type StockLevelState } from '../domain/stock-level.aggregate';
import type { StockEvent } from '../domain/stock-events';
import { z } from 'zod';
import type { Prisma, StockLevel as StockLevelRow } from './prisma/generated/client';

/** A level's row as the domain needs it (not when it last changed). */
export type StockLevelRecord = Omit<StockLevelRow, 'updatedAt'>;

/** Levels read in SQL: checked, not cast, since the database and not the compiler says what they hold. */
export const StockLevelRecords = z.array(z.object({ productId: z.string(), warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int(), version: z.number().int() }));

export function toDomain(row: StockLevelRecord): StockLevel {
  return StockLevel.restore({
    productId: row.productId,
    warehouseId: row.warehouseId,
    onHand: row.onHand,
    reserved: row.reserved,
    version: row.version,
  });
}

export function toPersistence(state: StockLevelState) {
  return { onHand: state.onHand, reserved: state.reserved };
}

/**
 * The audit trail records every change of on-hand units (a deduction as a negative quantity, like
 * an adjustment). Reserving and releasing only move units between available and reserved, so they
 * leave no movement.
 */
export function toMovement(event: StockEvent, id: string): Prisma.StockMovementCreateManyInput | null {
  const base = { id, productId: event.productId, warehouseId: event.warehouseId, quantity: event.quantity, occurredAt: event.occurredAt };
  switch (event.type) {
    case 'StockReceived':
      return { ...base, kind: 'RECEIVED', reason: null };
    case 'StockAdjusted':
      return { ...base, kind: 'ADJUSTED', reason: event.reason };
    case 'StockDeducted':
      // The signed change of on-hand units, as an adjustment records it.
      return { ...base, kind: 'DEDUCTED', quantity: -event.quantity, reason: event.reason };
    case 'StockReserved':
    case 'StockReleased':
      return null;
  }
}
