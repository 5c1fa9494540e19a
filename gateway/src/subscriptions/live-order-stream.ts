import type { FormattedExecutionResult } from 'graphql';
import type { VerifiedIdentity } from '../auth/tokens';
import type { ChangeFilter, OrderChange, OrderChangeFeed } from './order-change-feed';
import { ORDER_ID_VARIABLE, refusal, type LiveOrderOperation } from './live-order-operation';

/** Runs a subscription's query for one order with the subscriber's identity (the gateway's executor, limits and masking). */
export type RunQuery = (operation: LiveOrderOperation, variables: Record<string, unknown>, identity: VerifiedIdentity | null) => Promise<FormattedExecutionResult>;

export interface LiveOrderStreamOptions {
  operation: LiveOrderOperation;
  identity: VerifiedIdentity | null;
  /** When the subscriber's token stops being valid (epoch ms); null for an anonymous subscriber. */
  expiresAt: number | null;
  feed: Pick<OrderChangeFeed, 'listen'>;
  run: RunQuery;
  /** Changes that may wait for a subscriber that does not keep up; one more and it is dropped. */
  maxPendingChanges: number;
  /** Called once, when the subscription ends for any reason. */
  onEnd: () => void;
  /** Drops the subscriber's connection (a subscriber that lets changes pile up cannot be told). */
  drop: () => void;
}

type Step = { kind: 'current' } | { kind: 'change'; change: OrderChange } | { kind: 'end'; last: FormattedExecutionResult };

const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * One subscription: the order's current state first (orderUpdated), then one message per change
 * ordering announces, in order (an announcement heard twice, or older than one already sent, is
 * skipped), each the subscriber's query run when its turn comes. It is an iterator rather than an
 * async generator so that `return()` (a client going away) releases its listener at once, even
 * while it waits for the next change.
 */
export class LiveOrderStream implements AsyncIterableIterator<FormattedExecutionResult> {
  private readonly steps: Step[] = [];
  private readonly lastVersion = new Map<string, number>();
  private readonly unlisten: () => void;
  private readonly expiry: NodeJS.Timeout | null;
  private waiting: (() => void) | null = null;
  private ended = false;
  readonly operation: LiveOrderOperation;

  constructor(private readonly options: LiveOrderStreamOptions) {
    this.operation = options.operation;
    const { operation, identity, expiresAt, feed } = options;
    const filter: ChangeFilter = operation.orderId !== null ? { orderId: operation.orderId } : { customerId: identity!.subject };
    this.unlisten = feed.listen(filter, (change) => this.heard(change));
    if (operation.orderId !== null) this.steps.push({ kind: 'current' });
    this.expiry = expiresAt === null ? null : setTimeout(() => this.finish(refusal('UNAUTHENTICATED', 'The token has expired.')), Math.min(Math.max(0, expiresAt - Date.now()), LONGEST_TIMER_MS));
    this.expiry?.unref();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<FormattedExecutionResult>> {
    while (!this.ended) {
      const step = this.steps.shift();
      if (!step) {
        await new Promise<void>((resolve) => (this.waiting = resolve));
        continue;
      }
      if (step.kind === 'end') {
        this.close();
        return { done: false, value: step.last };
      }
      const result = await this.message(step);
      if (this.ended) break;
      if (step.kind === 'current' && result.data?.[this.options.operation.responseKey] == null) {
        // The first answer decides whether the subscriber may watch the order at all: an order that
        // is not theirs reads as null, exactly like one that does not exist.
        this.close();
        return { done: false, value: result.errors ? { errors: result.errors } : refusal('ORDER_NOT_FOUND', 'There is no order with this id that you may watch.') };
      }
      return { done: false, value: result };
    }
    return { done: true, value: undefined };
  }

  async return(): Promise<IteratorResult<FormattedExecutionResult>> {
    this.close();
    return { done: true, value: undefined };
  }

  /** Transports tell a generator from a plain iterable by this method, and only end generators on disconnect. */
  async throw(error: unknown): Promise<IteratorResult<FormattedExecutionResult>> {
    this.close();
    throw error;
  }

  private message(step: Step & { kind: 'current' | 'change' }): Promise<FormattedExecutionResult> {
    const { operation, identity, run } = this.options;
    const variables = step.kind === 'change' && operation.orderId === null ? { ...operation.variables, [ORDER_ID_VARIABLE]: step.change.orderId } : operation.variables;
    return run(operation, variables, identity);
  }

  private heard(change: OrderChange): void {
    if (this.ended) return;
    const last = this.lastVersion.get(change.orderId);
    if (last !== undefined && change.version <= last) return;
    this.lastVersion.set(change.orderId, change.version);
    const pending = this.steps.filter((step) => step.kind === 'change').length;
    if (pending >= this.options.maxPendingChanges) {
      this.close();
      this.options.drop();
      return;
    }
    this.steps.push({ kind: 'change', change });
    this.wake();
  }

  /** Ends after one last message (the reason). */
  private finish(last: FormattedExecutionResult): void {
    if (this.ended) return;
    this.steps.length = 0;
    this.steps.push({ kind: 'end', last });
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  private close(): void {
    if (this.ended) return;
    this.ended = true;
    this.unlisten();
    if (this.expiry) clearTimeout(this.expiry);
    this.wake();
    this.options.onEnd();
  }
}
