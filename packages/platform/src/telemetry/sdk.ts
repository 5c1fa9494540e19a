import { IncomingMessage } from 'node:http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';


/** The SDK with the exporter and the instrumentations this system wants; required only when tracing is on. */
export function createSdk(serviceName: string): NodeSDK {
  return new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Health and readiness probes and the scraper are not what anyone wants to see in a trace.
        ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)\b/.test(request.url ?? ''),
        // "POST /graphql" rather than a bare "POST": the route is the interesting part (both ways).
        requestHook: (span, request) => {
          if (request instanceof IncomingMessage) span.updateName(`${request.method ?? 'GET'} ${(request.url ?? '/').split('?')[0]}`);
          else span.updateName(`${request.method} ${request.path.split('?')[0]}`);
        },
      }),
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.REQUEST_HANDLER] }),
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true, depth: 2 }),
      // Only inside a traced piece of work: the relay's polling and the workers' blocking reads stay out.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
}
