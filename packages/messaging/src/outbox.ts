import { randomUUID } from 'node:crypto';
import { payloadProblems, type EventContract, type EventEnvelope, type PayloadOf } from '@storefront/events';
import { appendingToOutbox } from './telemetry/event-spans';

/** The one thing the outbox needs from a context's database transaction (a Prisma transaction client fits). */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface OutgoingEvent<C extends EventContract = EventContract> {
  contract: C;
  aggregateId: string;
  payload: PayloadOf<C>;
  occurredAt: Date;
  /** Defaults to the event's own id: the event starts a new chain. */
  correlationId?: string;
  /** The event that caused this one, if any. */
  causationId?: string | null;
}

export class InvalidEventPayloadError extends Error {
  constructor(type: string, problems: string) {
    super(`${type} payload does not fit its contract: ${problems}`);
    this.name = 'InvalidEventPayloadError';
  }
}

export function toEnvelope(event: OutgoingEvent): EventEnvelope {
  const problems = payloadProblems(event.contract, event.payload);
  if (problems) throw new InvalidEventPayloadError(event.contract.name, problems);
  const id = randomUUID();
  return {
    id,
    type: event.contract.name,
    occurredAt: event.occurredAt.toISOString(),
    aggregateId: event.aggregateId,
    correlationId: event.correlationId ?? id,
    causationId: event.causationId ?? null,
    payload: event.payload,
  };
}

/**
 * Writes events to the context's outbox table inside the caller's transaction, so they exist if
 * and only if the state change commits. Payloads are validated here, before anything is written.
 */
export async function appendToOutbox(tx: SqlExecutor, events: readonly OutgoingEvent[]): Promise<EventEnvelope[]> {
  const envelopes = events.map(toEnvelope);
  if (envelopes.length === 0) return envelopes;
  return appendingToOutbox(envelopes, async (traceparent) => {
    const rows = envelopes.map((_, i) => `($${i * 8 + 1}::uuid, $${i * 8 + 2}, $${i * 8 + 3}, $${i * 8 + 4}::timestamptz, $${i * 8 + 5}::uuid, $${i * 8 + 6}::uuid, $${i * 8 + 7}::jsonb, $${i * 8 + 8})`);
    const values = envelopes.flatMap((e) => [e.id, e.type, e.aggregateId, e.occurredAt, e.correlationId, e.causationId, JSON.stringify(e.payload), traceparent]);
    await tx.$executeRawUnsafe(
      `INSERT INTO outbox (id, type, aggregate_id, occurred_at, correlation_id, causation_id, payload, traceparent) VALUES ${rows.join(', ')}`,
      ...values,
    );
    return envelopes;
  });
}
