import { context, propagation, trace, SpanKind, SpanStatusCode, type Attributes, type Context, type Span } from '@opentelemetry/api';

const tracer = () => trace.getTracer('storefront');

/** Attribute names used on the storefront's own spans, so that a search by order id finds every step. */
export const SPAN_ATTRIBUTES = {
  orderId: 'storefront.order.id',
  eventId: 'messaging.message.id',
  eventType: 'storefront.event.type',
  correlationId: 'messaging.message.conversation_id',
  queue: 'messaging.destination.name',
  operation: 'graphql.operation.name',
  subgraph: 'storefront.subgraph',
} as const;

export { SpanKind };

/**
 * Runs `work` inside a span named `name`, ending it when the work settles and recording a failure.
 * With tracing off the span is a non-recording one and this costs a function call.
 */
export async function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; kind?: SpanKind; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C `traceparent` of the active span (or of `span`), or null when nothing is being traced. */
export function traceparentOf(span?: Span): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(span ? trace.setSpan(context.active(), span) : context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The context a W3C `traceparent` names, to continue its trace; the active context when there is none. */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  if (!traceparent) return context.active();
  return propagation.extract(context.active(), { traceparent });
}

/** Trace and span ids of the active span, for log lines; null when nothing is being traced. */
export function activeTraceIds(): { traceId: string; spanId: string } | null {
  const span = trace.getActiveSpan();
  if (!span) return null;
  const { traceId, spanId } = span.spanContext();
  // A non-recording span still carries the ids of a propagated trace; an all-zero one carries none.
  if (!traceId || /^0+$/.test(traceId)) return null;
  return { traceId, spanId };
}

/** Sets an attribute on the active span, if any (a subgraph's resolver naming the order it created, say). */
export function annotateActiveSpan(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}
