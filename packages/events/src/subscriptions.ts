import type { EventContract } from './contract';

/**
 * What one consuming context declares it listens to. Producers never name their consumers: the
 * routing table in `event-contracts.json` is generated from these declarations.
 */
export interface Subscriptions<C extends EventContract = EventContract> {
  readonly context: string;
  readonly events: readonly C[];
}

export function defineSubscriptions<C extends EventContract>(context: string, events: readonly C[]): Subscriptions<C> {
  return { context, events };
}
