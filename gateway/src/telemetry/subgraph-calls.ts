import { SpanKind, defineCounter, defineHistogram, inSpan, SPAN_ATTRIBUTES } from '@storefront/platform';

export const subgraphCallDuration = defineHistogram('gateway_subgraph_request_duration_seconds', 'Time the gateway waited for one subgraph call, by subgraph', ['subgraph']);
export const subgraphCallErrors = defineCounter('gateway_subgraph_errors_total', 'Subgraph calls that failed (timeout, unreachable, HTTP 5xx), by subgraph and kind', ['subgraph', 'kind']);

const kindOf = (error: unknown): string =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'unreachable';


/**
 * Wraps a subgraph's fetcher: each call is a `<subgraph> subgraph fetch` span (the HTTP call and its
 * traceparent header nest under it) and is timed and counted by the gateway's metrics.
 */
export function observedFetcher<A extends unknown[], R extends { status: number }>(subgraph: string, fetcher: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) =>
    inSpan(`${subgraph} subgraph fetch`, { kind: SpanKind.CLIENT, attributes: { [SPAN_ATTRIBUTES.subgraph]: subgraph } }, async (span) => {
      const stop = subgraphCallDuration.startTimer({ subgraph });
      try {
        const response = await fetcher(...args);
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) subgraphCallErrors.inc({ subgraph, kind: 'http_5xx' });
        return response;
      } catch (error) {
        subgraphCallErrors.inc({ subgraph, kind: kindOf(error) });
        throw error;
      } finally {
        stop();
      }
    });
}
