import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { consumingContexts } from '@storefront/events';
import { openQueueTransport } from '@storefront/messaging';
import { issueToken } from '../../gateway/src/auth/tokens';
import { CONTEXTS } from '../../scripts/system/contexts';
import { DevProcess } from '../support/dev-process';
import { eventually } from '../support/event-bus';
import { OtlpReceiver, parsePrometheus, sampleOf, spanTree, type ReceivedSpan } from '../support/otlp-receiver';
import { Storefront } from '../support/storefront-customer';

jest.setTimeout(240_000);

/**
 * The whole storefront as `pnpm dev` runs it, with tracing on (an OTLP receiver in this test), JSON
 * logs and the queue dashboard: one order is one trace across the contexts and the queues, the
 * processes' /metrics move with the work, and no log line carries a token or secret.
 */
const JWT_SECRET = 'observability-test-jwt-secret-5f1c0a9e';
const GATEWAY_SECRET = 'observability-test-gateway-secret-77d2';
const receiver = new OtlpReceiver();
let dev: DevProcess;
let shop: Storefront;
let admin: string;
let customer: string;

const portOf = (context: string) => dev.base + CONTEXTS.find((declared) => declared.name === context)!.port - 4000;
const metricsOf = async (port: number) => {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parsePrometheus(await response.text());
};

beforeAll(async () => {
  const endpoint = await receiver.start();
  dev = new DevProcess(path.resolve(__dirname, '..', '..'), CONTEXTS, {
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_BSP_SCHEDULE_DELAY: '200',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'debug',
    JWT_SECRET,
    GATEWAY_SHARED_SECRET: GATEWAY_SECRET,
  });
  await dev.start(200_000);
  if (!dev.output.includes('GraphiQL: http://localhost')) throw new Error(`pnpm dev did not start:\n${dev.output.slice(-3000)}`);
  admin = await issueToken(JWT_SECRET, 'admin-observability', ['customer', 'admin']);
  customer = await issueToken(JWT_SECRET, 'customer-observability', ['customer']);
  shop = new Storefront(dev.gatewayUrl, admin);
});

afterAll(async () => {
  await dev?.cleanUp();
  await receiver.stop();
});

describe('an order seen from the inside', () => {
  let orderId: string;
  let before: Map<string, number>;

  it('is one trace from the gateway through ordering, the queues, inventory, payments and notifications, the order id on its spans', async () => {
    before = await metricsOf(dev.base);
    const lamp = await shop.stockedProduct('TRACED-LAMP', 5, 4500);
    orderId = await shop.checkoutOnceSellable(customer, lamp, 1);
    await eventually(async () => ((await shop.order(orderId, customer))?.status === 'CONFIRMED' ? true : undefined), 'the order to be confirmed', 60_000);

    const trace = await eventually(async () => {
      const traceIds = new Set(receiver.spans.filter((span) => span.attributes['storefront.order.id'] === orderId).map((span) => span.traceId));
      if (traceIds.size !== 1) return undefined;
      const spans = receiver.trace([...traceIds][0]!);
      const services = new Set(spans.map((span) => span.service));
      const confirmed = spans.some((span) => span.name === 'handle notifications ← ordering.order-confirmed.v1');
      // A parent span ends, and is exported, after its children: wait until every child has its parent.
      const ids = new Set(spans.map((span) => span.spanId));
      const roots = spans.filter((span) => !ids.has(span.parentSpanId));
      const complete = roots.length === 1 && ['gateway', 'ordering', 'inventory', 'payments', 'notifications'].every((service) => services.has(service)) && confirmed;
      return complete ? spans : undefined;
    }, 'one whole trace with every context in it', 60_000);
    if (process.env.SHOW_TRACE) writeFileSync(process.env.SHOW_TRACE, `${spanTree(trace)}\n`);

    const names = trace.map((span) => `${span.service}: ${span.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'gateway: POST /graphql',
        'gateway: Checkout',
        'gateway: ordering subgraph fetch',
        'ordering: POST /graphql',
        // One append span per transaction, named for every event it writes (the order's change announcement too).
        expect.stringMatching(/^ordering: outbox append ordering\.order-placed\.v2(, |$)/),
        'ordering: outbox publish ordering.order-placed.v2',
        'inventory: handle inventory ← ordering.order-placed.v2',
        'payments: handle payments ← ordering.order-placed.v2',
        'ordering: handle ordering ← inventory.stock-reserved.v1',
        'notifications: handle notifications ← ordering.order-confirmed.v1',
      ]),
    );
    // Every span but the client's first request hangs off another span of the same trace.
    const ids = new Set(trace.map((span) => span.spanId));
    expect(trace.filter((span) => !ids.has(span.parentSpanId)).map((span) => `${span.service}: ${span.name}`)).toEqual(['gateway: POST /graphql']);
    const handled = trace.filter((span: ReceivedSpan) => span.name.startsWith('handle '));
    for (const span of handled) expect(span.attributes).toMatchObject({ 'storefront.order.id': orderId, 'messaging.message.id': expect.any(String), 'storefront.event.type': expect.any(String) });
  });

  it('serves /metrics on every process, and moves them: requests by operation, status transitions, handled events, outbox and queue gauges', async () => {
    const gateway = await metricsOf(dev.base);
    const placed = (metrics: Map<string, number>) => sampleOf(metrics, 'graphql_requests_total', { operation: 'Checkout', outcome: 'ok' }) ?? 0;
    expect(placed(gateway)).toBeGreaterThan(placed(before));
    expect(sampleOf(gateway, 'gateway_subgraph_request_duration_seconds_count', { subgraph: 'ordering' })).toBeGreaterThan(0);
    expect(sampleOf(gateway, 'process_cpu_seconds_total', { service: 'gateway' })).toBeGreaterThan(0);

    const ordering = await metricsOf(portOf('ordering'));
    expect(sampleOf(ordering, 'orders_status_transitions_total', { from: 'none' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(ordering, 'orders_status_transitions_total', { to: 'CONFIRMED' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(ordering, 'outbox_backlog', { context: 'ordering' })).toBeGreaterThanOrEqual(0);
    expect(sampleOf(ordering, 'outbox_oldest_unpublished_age_seconds', { context: 'ordering' })).toBeGreaterThanOrEqual(0);
    expect(sampleOf(ordering, 'graphql_requests_total', { service: 'ordering', outcome: 'ok' })).toBeGreaterThan(0);

    for (const { name } of CONTEXTS) expect(sampleOf(await metricsOf(portOf(name)), 'process_cpu_seconds_total', { service: name })).toBeGreaterThan(0);

    const inventory = await metricsOf(portOf('inventory'));
    expect(sampleOf(inventory, 'event_handler_duration_seconds_count', { queue: 'inventory', type: 'ordering.order-placed.v2', outcome: 'handled' })).toBeGreaterThanOrEqual(1);
    expect(sampleOf(inventory, 'queue_jobs', { queue: 'inventory', state: 'waiting' })).toBeGreaterThanOrEqual(0);
  });

  it('shows an event that cannot be handled in the failed gauge and the failure counter', async () => {
    const failedBefore = sampleOf(await metricsOf(portOf('inventory')), 'queue_jobs', { queue: 'inventory', state: 'failed' }) ?? 0;
    const transport = openQueueTransport(dev.events, 'inspector');
    const queue = transport.queue('inventory');
    await queue.add('ordering.order-placed.v2', { id: 'not-an-event' }, { jobId: 'garbage-observability' });
    await queue.close();
    transport.close();
    const after = await eventually(async () => {
      const metrics = await metricsOf(portOf('inventory'));
      return (sampleOf(metrics, 'queue_jobs', { queue: 'inventory', state: 'failed' }) ?? 0) > failedBefore ? metrics : undefined;
    }, 'the failed gauge to count the rejected event');
    expect(sampleOf(after, 'event_handler_failures_total', { queue: 'inventory', reason: 'rejected' })).toBeGreaterThanOrEqual(1);
  });
});

describe('the queue dashboard at /admin/queues', () => {
  const dashboard = (token?: string, suffix = '') =>
    fetch(`http://127.0.0.1:${dev.base}/admin/queues${suffix}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('is refused without a token and to a customer', async () => {
    expect((await dashboard()).status).toBe(401);
    expect((await dashboard(customer)).status).toBe(403);
    expect((await dashboard(customer, '/api/queues')).status).toBe(403);
  });

  it('lists every consuming context’s queue to an admin, failed jobs included', async () => {
    expect((await dashboard(admin)).status).toBe(200);
    const response = await dashboard(admin, '/api/queues?activeQueue=inventory&status=failed');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual([...consumingContexts()].sort());
    expect(body.queues.find((queue) => queue.name === 'inventory')!.counts.failed).toBeGreaterThanOrEqual(1);
  });
});

describe('logs', () => {
  it('are JSON lines with the service and level, trace and span ids inside traced work, event id and type when handling', () => {
    const lines = dev.output.split('\n').map((line) => /^\S+\s*\| (\{.*\})$/.exec(line)?.[1]).filter((json): json is string => json !== undefined);
    const records = lines.map((json) => JSON.parse(json) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) expect(record).toMatchObject({ service: expect.any(String), level: expect.any(String), msg: expect.any(String) });
    expect(records.find((record) => record.event_type === 'ordering.order-placed.v2' && record.trace_id)).toMatchObject({
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      event_id: expect.any(String),
    });
  });

  it('never carry a token, a payment token or a secret', () => {
    for (const secret of [admin, customer, 'tok_visa', JWT_SECRET, GATEWAY_SECRET]) expect(dev.output).not.toContain(secret);
  });
});
