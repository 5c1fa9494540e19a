import type { Transactions } from '@storefront/kernel';

/** What a Prisma client offers to run work in one interactive transaction. */
export interface TransactionalDatabase<Tx> {
  $transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * A context's `Transactions` port over its Prisma client: each run opens one transaction and hands
 * the work the stores that `stores` builds on it.
 */
export function prismaTransactions<Tx, S>(db: TransactionalDatabase<Tx>, stores: (tx: Tx) => S): Transactions<S> {
  return { run: (work) => db.$transaction((tx) => work(stores(tx))) };
}

/**
 * Reads what `lock` locked (a `SELECT 1 ... FOR UPDATE` that holds its rows until the transaction
 * ends), or null when it locked nothing. The lock is the one raw statement because Prisma's typed
 * API cannot lock rows; it returns only a count, and `read` reads the rows with the typed API
 * while they are held, so no raw row is ever cast into a type.
 */
export async function readLocked<T>(lock: PromiseLike<number>, read: () => Promise<T>): Promise<T | null> {
  return (await lock) === 0 ? null : read();
}
