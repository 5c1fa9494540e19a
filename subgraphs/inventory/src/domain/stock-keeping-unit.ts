/**
 * A product as inventory counts it, learned from catalog's events. Inventory takes stock only for
 * products it has learned of, so no unit is ever counted against a product that does not exist.
 */
export interface StockKeepingUnit {
  productId: string;
  sku: string;
  /** The catalog version this record reflects; anything older that arrives late is ignored. */
  catalogVersion: number;
  discontinuedAt: Date | null;
}

/** Stores the products inventory knows; learning one also opens its stock records at zero in every warehouse. */
export interface StockKeepingUnitRepository {
  find(productId: string): Promise<StockKeepingUnit | null>;
  /** Adds the unit unless it is already known (learning twice changes nothing). */
  learn(unit: StockKeepingUnit): Promise<void>;
  save(unit: StockKeepingUnit): Promise<void>;
}

/** Whether inventory has learned of a product. */
export interface ProductRegister {
  isKnown(productId: string): Promise<boolean>;
}

/** The catalog's discontinuation, applied unless the unit already reflects a later catalog version. */
export function discontinue(unit: StockKeepingUnit, catalogVersion: number, at: Date): StockKeepingUnit {
  if (unit.catalogVersion >= catalogVersion) return unit;
  return { ...unit, catalogVersion, discontinuedAt: unit.discontinuedAt ?? at };
}

/** Raised when a change about a product arrives before the product itself: retried until it has. */
export class ProductNotYetLearnedError extends Error {
  constructor(productId: string) {
    super(`Inventory has not learned of product ${productId} yet`);
    this.name = 'ProductNotYetLearnedError';
  }
}
