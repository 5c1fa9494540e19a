/** What happened to an aggregate, recorded by its methods and collected when it is saved. */
export interface DomainEvent {
  readonly type: string;
  readonly aggregateId: string;
  readonly occurredAt: Date;
}

export abstract class AggregateRoot<E extends DomainEvent = DomainEvent> {
  #events: E[] = [];

  protected record(event: E): void {
    this.#events.push(event);
  }

  /** Hands over the events recorded since the last call. */
  pullEvents(): E[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}

/** Raised by a repository when the aggregate changed since it was loaded (optimistic locking). */
export class ConcurrentModificationError extends Error {
  constructor(aggregate: string, id: string) {
    super(`${aggregate} ${id} was changed by someone else meanwhile`);
    this.name = 'ConcurrentModificationError';
  }
}

/**
 * Runs load-decide-save again when another writer won the race, so that concurrent commands on
 * one aggregate all take effect instead of one silently overwriting the other.
 */
export async function retryOnConcurrentModification<T>(attempt: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || i >= attempts) throw error;
    }
  }
}
