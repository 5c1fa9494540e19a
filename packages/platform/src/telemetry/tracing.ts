import path from 'node:path';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type * as Sdk from './sdk';

type Env = Record<string, string | undefined>;

/** Tracing is on when an OTLP endpoint is configured (the standard variables) and the SDK is not disabled. */
export function tracingEnabled(env: Env = process.env): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return Boolean(endpoint) && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';
}

/** `subgraphs/<name>/src/main.ts` is the <name> service, `gateway/src/main.ts` the gateway; OTEL_SERVICE_NAME overrides. */
export function serviceNameOf(entry: string | undefined, env: Env = process.env): string {
  if (env.OTEL_SERVICE_NAME) return env.OTEL_SERVICE_NAME;
  const parts = (entry ?? '').split(path.sep);
  const subgraph = parts.lastIndexOf('subgraphs');
  if (subgraph >= 0 && parts[subgraph + 1]) return parts[subgraph + 1]!;
  if (parts.includes('gateway')) return 'gateway';
  return 'storefront';
}

let sdk: NodeSDK | null = null;

/**
 * Starts the OpenTelemetry SDK for this process, exporting spans over OTLP/HTTP. Without an endpoint
 * it starts nothing and loads nothing: the API then hands out non-recording spans, and no module is
 * patched. It must run before express, pg and ioredis are first required, or their calls go untraced.
 */
export function startTracing(serviceName: string, env: Env = process.env): boolean {
  if (sdk || !tracingEnabled(env)) return false;
  // Required here, not imported: a process without tracing never loads the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSdk } = require('./sdk') as typeof Sdk;
  sdk = createSdk(serviceName);
  sdk.start();
  return true;
}

/** Sends the spans still buffered; called on the way out so the last requests of a process are not lost. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = null;
  await running?.shutdown().catch(() => undefined);
}
