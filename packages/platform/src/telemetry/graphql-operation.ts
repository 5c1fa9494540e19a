import type { RequestHandler } from 'express';
import { context, trace, SpanKind, type Span } from '@opentelemetry/api';
import { SPAN_ATTRIBUTES } from './spans';

/** The operation a GraphQL request names, from its parsed body; `anonymous` when it names none (or nonsense). */
export function operationNameOf(body: unknown): string {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && /^\w{1,100}$/.test(operationName)) return operationName;
  // A document with one named operation need not repeat its name beside it.
  const named = typeof query === 'string' ? /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+(\w{1,100})/.exec(query) : null;
  return named?.[1] ?? 'anonymous';
}

/**
 * A span named after the GraphQL operation (`Checkout`, `Checkout__ordering__1`), for a request
 * whose body is parsed: null when nothing records spans (tracing off), so that a request without
 * tracing pays for no span. The caller makes it the active one and ends it when the answer is sent.
 */
export function startOperationSpan(service: string, body: unknown): Span | null {
  const operation = operationNameOf(body);
  const span = trace.getTracer('storefront').startSpan(operation, {
    kind: SpanKind.INTERNAL,
    attributes: { [SPAN_ATTRIBUTES.operation]: operation, [SPAN_ATTRIBUTES.subgraph]: service },
  });
  return span.isRecording() ? span : null;
}

/**
 * The operation's span (startOperationSpan) made the active one for the rest of the request:
 * everything the request does (planning, subgraph calls, SQL, the outbox row) nests under it.
 * Runs after express.json.
 */
export function graphqlOperationSpan(service: string): RequestHandler {
  return (req, res, next) => {
    const span = startOperationSpan(service, req.body);
    if (!span) {
      next();
      return;
    }
    res.once('close', () => span.end());
    context.with(trace.setSpan(context.active(), span), next);
  };
}
