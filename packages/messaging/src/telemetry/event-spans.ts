import { trace, SpanKind, SpanStatusCode, type Attributes, type Span } from '@opentelemetry/api';
import type { EventEnvelope } from '@storefront/events';
import { SPAN_ATTRIBUTES, contextFromTraceparent, inSpan, traceparentOf } from '@storefront/platform';

const tracer = () => trace.getTracer('storefront.messaging');

/** The order an event is about: its payload's `orderId`, or its aggregate when ordering speaks of an order. */
export function orderIdOf(envelope: { type: string; aggregateId: string; payload: unknown }): string | undefined {
  const fromPayload = (envelope.payload as { orderId?: unknown } | null)?.orderId;
  if (typeof fromPayload === 'string') return fromPayload;
  return envelope.type.startsWith('ordering.order-') ? envelope.aggregateId : undefined;
}

export function eventAttributes(envelope: Pick<EventEnvelope, 'id' | 'type' | 'aggregateId' | 'correlationId' | 'payload'>): Attributes {
  const orderId = orderIdOf(envelope);
  return {
    [SPAN_ATTRIBUTES.eventId]: envelope.id,
    [SPAN_ATTRIBUTES.eventType]: envelope.type,
    [SPAN_ATTRIBUTES.correlationId]: envelope.correlationId,
    ...(orderId ? { [SPAN_ATTRIBUTES.orderId]: orderId } : {}),
  };
}

/**
 * The span of writing events to the outbox (`outbox append <type>`), inside the state change's
 * transaction; `write` gets its traceparent to store on the rows, so that the relay and every
 * consumer continue this trace. Without tracing (no SDK, no propagator) the traceparent is null and
 * the rows carry none.
 */
export function appendingToOutbox<T>(envelopes: readonly EventEnvelope[], write: (traceparent: string | null) => Promise<T>): Promise<T> {
  const types = [...new Set(envelopes.map((envelope) => envelope.type))].join(', ');
  const first = envelopes[0]!;
  // Also when this trace is sampled out: the traceparent then says so, and the consumers do not start traces of their own.
  return inSpan(`outbox append ${types}`, { attributes: { ...eventAttributes(first), 'messaging.batch.message_count': envelopes.length } }, (span) => write(traceparentOf(span)));
}

/**
 * One `outbox publish <type>` span per event, a child of the span that wrote its outbox row; the
 * envelopes handed to `publish` carry the publish span's traceparent for the consumers.
 */
export async function publishingFromOutbox(envelopes: readonly EventEnvelope[], publish: (traced: EventEnvelope[]) => Promise<void>): Promise<void> {
  const spans: Span[] = [];
  const traced = envelopes.map((envelope) => {
    if (!envelope.traceparent) return envelope;
    const span = tracer().startSpan(`outbox publish ${envelope.type}`, { kind: SpanKind.PRODUCER, attributes: eventAttributes(envelope) }, contextFromTraceparent(envelope.traceparent));
    spans.push(span);
    return { ...envelope, traceparent: traceparentOf(span) ?? envelope.traceparent };
  });
  try {
    await publish(traced);
  } catch (error) {
    for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * The span of one delivery to one context (`handle inventory ← ordering.order-placed.v2`), a child
 * of the publish span named by the job's traceparent, however long the job waited in the queue.
 */
export function handlingEvent<T>(queue: string, data: unknown, work: (span: Span) => Promise<T>): Promise<T> {
  const raw = (data ?? {}) as Partial<EventEnvelope>;
  const type = typeof raw.type === 'string' ? raw.type : 'unknown';
  const attributes: Attributes = { [SPAN_ATTRIBUTES.queue]: queue, 'messaging.operation.type': 'process' };
  if (typeof raw.id === 'string' && typeof raw.aggregateId === 'string' && typeof raw.correlationId === 'string') {
    Object.assign(attributes, eventAttributes({ id: raw.id, type, aggregateId: raw.aggregateId, correlationId: raw.correlationId, payload: raw.payload }));
  }
  const parent = contextFromTraceparent(typeof raw.traceparent === 'string' ? raw.traceparent : null);
  return inSpan(`handle ${queue} ← ${type}`, { kind: SpanKind.CONSUMER, attributes, parent }, work);
}
