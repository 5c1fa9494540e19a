/**
 * Imported first by every process's main.ts, before any instrumented library is loaded: starts
 * tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, and does nothing otherwise.
 */
import { serviceNameOf, startTracing } from './tracing';

startTracing(serviceNameOf(require.main?.filename ?? process.argv[1]));
