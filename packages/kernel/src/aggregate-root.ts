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
