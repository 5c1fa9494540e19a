import { NotYetError } from './not-yet';
import type { AggregateStore } from './aggregate-store';

/**
 * What every context's own record of a catalog product carries so that it can follow catalog's
 * events: each context adds its own words (a SKU to count, a name to print, a price to charge).
 */
export interface CatalogCopy {
  readonly productId: string;
  /** The catalog version this record reflects; anything older that arrives late is ignored. */
  readonly catalogVersion: number;
  readonly discontinuedAt: Date | null;
}

/** A context's records of catalog products, inside the transaction of the catalog event being handled. */
export interface CatalogCopies<C extends CatalogCopy> extends AggregateStore<C> {
  /** Adds the record unless the product is already known (learning twice changes nothing). */
  learn(copy: C): Promise<void>;
}

/** Catalog's change of version `catalogVersion`, unless the record already reflects that version or a later one. */
export function applyCatalogChange<C extends CatalogCopy>(copy: C, catalogVersion: number, change: (copy: C) => C): C {
  if (copy.catalogVersion >= catalogVersion) return copy;
  return { ...change(copy), catalogVersion };
}

/** The record with catalog's discontinuation; the first date stands when a later version says it again. */
export function markDiscontinued<C extends CatalogCopy>(copy: C, at: Date): C {
  return { ...copy, discontinuedAt: copy.discontinuedAt ?? at };
}

/** Raised when a change about a product arrives before the product itself: the event is retried until it has. */
export class ProductNotYetLearnedError extends NotYetError {
  constructor(context: string, productId: string) {
    super(`${context} has not learned of product ${productId} yet`);
    this.name = 'ProductNotYetLearnedError';
  }
}

/**
 * Follows catalog's events about products: a created product is learned once, and each later change
 * is applied under the record's lock, in catalog version order. A change about a product not learned
 * yet throws ProductNotYetLearnedError, so that the event is delivered again once the product has arrived.
 */
export class CatalogFollower<C extends CatalogCopy> {
  constructor(
    private readonly copies: CatalogCopies<C>,
    /** The context that follows, as the error names it: "Inventory". */
    private readonly context: string,
  ) {}

  learn(copy: C): Promise<void> {
    return this.copies.learn(copy);
  }

  async change(productId: string, catalogVersion: number, change: (copy: C) => C): Promise<void> {
    const copy = await this.copies.lockFor(productId);
    if (!copy) throw new ProductNotYetLearnedError(this.context, productId);
    const changed = applyCatalogChange(copy, catalogVersion, change);
    if (changed !== copy) await this.copies.save(changed);
  }

  discontinue(productId: string, catalogVersion: number, at: Date): Promise<void> {
    return this.change(productId, catalogVersion, (copy) => markDiscontinued(copy, at));
  }
}
