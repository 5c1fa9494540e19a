import { RateTable } from '../domain/rate-table';
import type { RateTableSource } from '../domain/rate-table.source';
import type { ShippingRate } from '../domain/shipping-rate';

/**
 * The rate table kept in the process: it is small and changes rarely, so reading it on every
 * estimate would cost a query per request for nothing. It is read on first use and again once it
 * is older than the TTL; concurrent callers during a reload share that one read.
 */
export class CachedRateTable implements RateTableSource {
  private table: RateTable | null = null;
  private loadedAt = 0;
  private loading: Promise<RateTable> | null = null;

  constructor(
    private readonly load: () => Promise<ShippingRate[]>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<RateTable> {
    if (this.table && this.now() - this.loadedAt < this.ttlMs) return Promise.resolve(this.table);
    this.loading ??= this.reload();
    return this.loading;
  }

  private reload(): Promise<RateTable> {
    const startedAt = this.now();
    return Promise.resolve()
      .then(() => this.load())
      .then(
        (rates) => {
          this.table = new RateTable(rates);
          this.loadedAt = startedAt;
          this.loading = null;
          return this.table;
        },
        (error: unknown) => {
          this.loading = null;
          throw error;
        },
      );
  }
}
