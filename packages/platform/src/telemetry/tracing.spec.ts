import path from 'node:path';
import { serviceNameOf, tracingEnabled } from './tracing';

describe('tracingEnabled', () => {
  it('is on only with an OTLP endpoint and without the SDK or the trace exporter switched off', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });
});

describe('serviceNameOf', () => {
  const root = path.join(path.sep, 'srv', 'storefront');
  it('names a process after the context or gateway whose main.ts it runs, unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(serviceNameOf(path.join(root, 'subgraphs', 'gift-cards', 'src', 'main.ts'), {})).toBe('gift-cards');
    expect(serviceNameOf(path.join(root, 'gateway', 'src', 'main.ts'), {})).toBe('gateway');
    expect(serviceNameOf(path.join(root, 'gateway', 'src', 'main.ts'), { OTEL_SERVICE_NAME: 'edge' })).toBe('edge');
    expect(serviceNameOf(undefined, {})).toBe('storefront');
  });
});
