import type { z } from 'zod';
import type { EventEnvelope } from './envelope';

/**
 * One version of one integration event: its name (`catalog.product-created.v1`), the context that
 * publishes it, and the schema its payload is validated against when published and when consumed.
 * A new version is a new contract; the old one stays until nobody subscribes to it.
 */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly producer: string;
  readonly schema: S;
  /** false once the producer stops publishing this version. */
  readonly produced: boolean;
  /**
   * Also announced on Redis pub/sub the moment the relay moves it, for live views (subscriptions):
   * fire and forget, at most once per relaying; the queues stay the reliable path.
   */
  readonly live: boolean;
}

export type PayloadOf<C extends EventContract> = z.infer<C['schema']>;
export type EventOf<C extends EventContract> = EventEnvelope<PayloadOf<C>>;

const EVENT_NAME = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.v([1-9]\d*)$/;

export function defineEvent<S extends z.ZodType>(name: string, schema: S, options: { produced?: boolean; live?: boolean } = {}): EventContract<S> {
  const match = EVENT_NAME.exec(name);
  if (!match) throw new Error(`Event name "${name}" must look like context.event-name.v1`);
  return { name, producer: match[1]!, schema, produced: options.produced ?? true, live: options.live ?? false };
}

/** Validation issues as one line naming each offending field: `price.amount: Too small…; sku: …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`).join('; ');
}

/** Why a payload does not fit its contract, naming each offending field; null when it fits. */
export function payloadProblems(contract: EventContract, payload: unknown): string | null {
  const result = contract.schema.safeParse(payload);
  return result.success ? null : describeIssues(result.error.issues);
}
