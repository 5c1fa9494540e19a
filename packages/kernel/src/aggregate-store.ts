import { ok, type Result } from './result';

/**
 * Keeps one kind of aggregate inside one database transaction. It is the one way an aggregate is
 * loaded, changed and saved under concurrency (docs/adr/0005-one-way-to-change-an-aggregate.md):
 * `lockFor` holds the aggregate's lock until the transaction ends, so its writers queue instead of
 * overwriting each other, and `save` writes its state and what it recorded in that transaction.
 */
export interface AggregateStore<A, K = string> {
  /** The aggregate, locked until the transaction ends; null when there is none. */
  lockFor(key: K): Promise<A | null>;
  /** Writes the aggregate's new state and the events it recorded (to the outbox), in the same transaction. */
  save(aggregate: A): Promise<void>;
}

/** Runs work in one transaction of a context's database: what it stores and publishes commits together, or nothing does. */
export interface Transactions<S> {
  run<T>(work: (store: S) => Promise<T>): Promise<T>;
}

/**
 * Loads the aggregate locked, lets one of its methods decide, and saves it when the method agreed.
 * `missing` answers for an aggregate that is not there: a failure, a throw for news that came early,
 * or the aggregate's creation when its first change is what brings it into being.
 */
export async function changeAggregate<A, K>(
  store: AggregateStore<A, K>,
  key: K,
  change: (aggregate: A) => Result<unknown> | Promise<Result<unknown>>,
  missing: (key: K) => Result<A> | Promise<Result<A>>,
): Promise<Result<A>> {
  const aggregate = await store.lockFor(key);
  if (!aggregate) return missing(key);
  const changed = await change(aggregate);
  if (!changed.ok) return changed;
  await store.save(aggregate);
  return ok(aggregate);
}
