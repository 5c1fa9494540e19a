import type { RateTable } from './rate-table';

/** Hands out the current rate table; it may be a few seconds behind the stored rates. */
export interface RateTableSource {
  current(): Promise<RateTable>;
}
