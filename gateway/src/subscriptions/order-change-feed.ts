import { OrderChangedV1, payloadProblems, type PayloadOf } from '@storefront/events';
import { listenForLiveEvents, type EventsConfig } from '@storefront/messaging';
import type { Logger } from '@storefront/platform';

export type OrderChange = PayloadOf<typeof OrderChangedV1>;
type Listener = (change: OrderChange) => void;

/** Whose changes a listener hears: one order's, or every order of one customer. */
export type ChangeFilter = { orderId: string } | { customerId: string };

/**
 * The gateway's one ear on ordering's announcements: a single subscriber connection (Redis, or
 * PostgreSQL with the queues there) per gateway instance, fanned out in memory to the subscriptions this instance serves. Every gateway
 * instance hears every announcement, so a subscriber hears of an order changed through any of them.
 */
export class OrderChangeFeed {
  private readonly byOrder = new Map<string, Set<Listener>>();
  private readonly byCustomer = new Map<string, Set<Listener>>();
  private readonly subscription: { ready: Promise<void>; close(): Promise<void> };
  private count = 0;
  readonly ready: Promise<void>;

  constructor(events: EventsConfig, private readonly log: Logger) {
    // The subscriber connection waits out an outage and subscribes again when its store is back.
    this.subscription = listenForLiveEvents(events, OrderChangedV1.name, (message) => this.dispatch(message));
    this.ready = this.subscription.ready;
  }

  /** Calls `listener` for each announced change that matches; the returned function stops it (idempotent). */
  listen(filter: ChangeFilter, listener: Listener): () => void {
    const [index, key] = 'orderId' in filter ? [this.byOrder, filter.orderId] : [this.byCustomer, filter.customerId];
    const listeners = index.get(key) ?? new Set<Listener>();
    index.set(key, listeners);
    listeners.add(listener);
    this.count += 1;
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      listeners.delete(listener);
      if (listeners.size === 0) index.delete(key);
      this.count -= 1;
    };
  }

  /** Listeners currently registered (each open subscription holds exactly one). */
  listenerCount(): number {
    return this.count;
  }

  async close(): Promise<void> {
    await this.subscription.close();
  }

  private dispatch(message: string): void {
    let change: OrderChange;
    try {
      const envelope = JSON.parse(message) as { payload?: unknown };
      const problems = payloadProblems(OrderChangedV1, envelope.payload);
      if (problems) throw new Error(problems);
      change = envelope.payload as OrderChange;
    } catch (error) {
      this.log.warn(`ignored an order-changed announcement that does not fit its contract: ${(error as Error).message}`);
      return;
    }
    for (const listener of [...(this.byOrder.get(change.orderId) ?? []), ...(this.byCustomer.get(change.customerId) ?? [])]) listener(change);
  }
}
