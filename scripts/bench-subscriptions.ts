import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { Client as PgClient } from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { OrderChangedV1 } from '@storefront/events';
import { Storefront } from '../test/support/storefront-customer';
import { planSagaSystem, removeSagaSystem, startSagaSystem, type RunningSagaSystem } from './bench/saga-system';
import { describeDistribution, distribution, table } from './bench/stats';
import { subscriptionMemory } from './bench/subscription-memory';
import { ofContext } from './system/contexts';
import { setting } from './bench/settings';

process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm bench:subscriptions`: live order updates under load. The storefront runs as `pnpm dev` runs
 * it (one process per subgraph and the gateway, own ports, databases and event prefix). Each of
 * BENCH_SUBSCRIBERS (200) customers holds a graphql-ws connection with `myOrderUpdates` open, then
 * places one order at a random moment within BENCH_SPREAD_SECONDS (60); the bench waits until every
 * subscriber has seen its order CONFIRMED. Delay = when the subscriber received a message − when
 * ordering recorded the change it reports (the order-changed row's occurred_at, taken in the
 * committing transaction, so the figure includes that transaction's commit). Memory: a second
 * gateway, in this process, in front of the same subgraphs: its JS heap after a full GC, idle and
 * with BENCH_SUBSCRIBERS connections of BENCH_SUBSCRIPTIONS_PER_CONNECTION (10) subscriptions each,
 * opened from a worker thread (a heap of its own), divided by the number of subscriptions.
 */
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const subscribers = setting('BENCH_SUBSCRIBERS', 200);
const spreadMs = setting('BENCH_SPREAD_SECONDS', 60) * 1000;
/** Subscriptions per connection for the memory figure (the gateway's limit is 10 per connection, 20 per caller). */
const perConnection = setting('BENCH_SUBSCRIPTIONS_PER_CONNECTION', 10);
const SUBSCRIPTION = 'subscription { myOrderUpdates { id status total { amount } payment { status } } }';

const run = randomBytes(4).toString('hex');
const plan = planSagaSystem(run, SERVER);
const began = Date.now();
const progress = (line: string) => console.log(`· ${String(Math.round((Date.now() - began) / 1000)).padStart(3)} s  ${line}`);
let system: RunningSagaSystem | null = null;
let devProcess: ChildProcess | null = null;
const clients: Client[] = [];

interface Received {
  orderId: string;
  status: string;
  at: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, what: string, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await pause(50);
  }
}

async function main(): Promise<void> {
  progress(`starting pnpm dev (gateway on :${plan.gatewayPort}, event prefix ${plan.events.prefix})`);
  system = await startSagaSystem(plan, (child) => (devProcess = child));
  const running = system;
  const gatewayUrl = running.gatewayUrl;
  const storefront = new Storefront(gatewayUrl, await running.token('bench-admin', ['customer', 'admin']));
  const productId = await storefront.stockedProduct(`LIVE-${run.toUpperCase()}`, 1_000_000, 1500);
  await storefront.placeOrderOnceSellable(await running.token('bench-warm-up'), [{ productId, quantity: 1 }]);
  const tokens = await Promise.all(Array.from({ length: subscribers }, (_, i) => running.token(`bench-live-${i + 1}`)));
  const memory = await subscriptionMemory(plan.env, tokens, perConnection, SUBSCRIPTION);
  progress(`memory: ${memory.subscriptions} subscriptions on ${memory.connections} connections to a gateway in this process: heap ${JSON.stringify(memory.heap)}`);

  const received: Received[][] = tokens.map(() => []);
  let acknowledged = 0;
  const errorCodes = new Map<string, number>();
  tokens.forEach((token, i) => {
    const client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      on: { connected: () => void (acknowledged += 1) },
    });
    clients.push(client);
    client.subscribe<{ myOrderUpdates: { id: string; status: string } }>(
      { query: SUBSCRIPTION },
      {
        next: (message) => {
          for (const error of message.errors ?? []) errorCodes.set(String(error.extensions?.code), (errorCodes.get(String(error.extensions?.code)) ?? 0) + 1);
          const order = message.data?.myOrderUpdates;
          if (order) received[i]!.push({ orderId: order.id, status: order.status, at: Date.now() });
        },
        error: (error) => console.error(`subscriber ${i + 1}:`, error),
        complete: () => undefined,
      },
    );
  });
  await until(() => acknowledged === subscribers, 'every connection to be acknowledged', 60_000);
  await pause(2_000); // the subscribe messages follow the acknowledgement
  progress(`${subscribers} subscribers connected to pnpm dev's gateway`);

  const placedIds: string[] = [];
  const placedBy = new Set<number>();
  let refusals = 0;
  await Promise.all(
    tokens.map(async (token, i) => {
      await pause(Math.random() * spreadMs);
      const idempotencyKey = randomBytes(8).toString('hex');
      for (let attempt = 1; ; attempt += 1) {
        // A busy machine can time a call out; the same idempotency key never places a second order.
        const placed = await storefront.placeOrder(token, [{ productId, quantity: 1 }], { idempotencyKey });
        const order = placed.data?.placeOrder.order as { id: string } | undefined;
        if (order) {
          placedBy.add(i);
          return void placedIds.push(order.id);
        }
        refusals += 1;
        if (attempt === 5) return console.error(`customer ${i + 1} gave up: ${JSON.stringify(placed.errors ?? placed.data)}`);
      }
    }),
  );
  progress(`${placedIds.length} orders placed over ${spreadMs / 1000} s; waiting for every subscriber to see CONFIRMED`);
  const confirmed = () => received.filter((messages, i) => placedBy.has(i) && messages.some((message) => message.status === 'CONFIRMED')).length;
  // A busy machine may not confirm every order in time: the figures then cover the messages that came.
  await until(() => confirmed() === placedBy.size, 'every order to be confirmed', 180_000).catch((error: Error) => progress(`${error.message}: ${confirmed()} of ${placedBy.size} seen CONFIRMED`));
  await pause(1_000);

  const ordering = new PgClient({ connectionString: ofContext(plan.databaseUrls, 'ordering') });
  ordering.on('error', () => undefined);
  await ordering.connect();
  const { rows } = await ordering
    .query<{ order_id: string; status: string; occurred_at: Date }>(
      `SELECT aggregate_id AS order_id, payload->>'status' AS status, occurred_at FROM outbox WHERE type = $1 AND aggregate_id = ANY($2::text[])`,
      [OrderChangedV1.name, placedIds],
    )
    .finally(() => ordering.end());
  const changedAt = new Map(rows.map((row) => [`${row.order_id}/${row.status}`, row.occurred_at.getTime()]));
  const delays = received.flat().flatMap((message) => {
    const at = changedAt.get(`${message.orderId}/${message.status}`);
    return at === undefined ? [] : [message.at - at];
  });
  const foreign = received.filter((messages) => new Set(messages.map((message) => message.orderId)).size > 1).length;
  const messages = received.flat().length;

  for (const client of clients) await client.dispose();
  progress('stopping the storefront');
  await running.stop();
  await removeSagaSystem(plan, devProcess);

  const { heap } = memory;
  const perSubscriptionKiB = (heap.open - heap.idle) / memory.subscriptions / 1024;
  const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`\nLive order updates: ${subscribers} graphql-ws subscribers (one connection each), ${subscribers} orders over ${spreadMs / 1000} s`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average before ${os.loadavg()[0]!.toFixed(2)}\n`);
  console.log(
    table([
      ['orders placed', `${placedIds.length} (${refusals} placeOrder calls failed and were retried with the same idempotency key), ${confirmed()} seen CONFIRMED`],
      ['changes announced', String(rows.length)],
      ['messages received', `${messages} (${delays.length} matched to a change; ${foreign} subscribers saw another's order)`],
      ['messages with errors', errorCodes.size === 0 ? 'none' : [...errorCodes].map(([code, count]) => `${count} ${code}`).join(', ')],
      ['commit → message', describeDistribution(distribution(delays))],
      ['gateway JS heap', `${MiB(heap.idle)} idle, ${MiB(heap.open)} with ${memory.subscriptions} subscriptions on ${memory.connections} connections, ${MiB(heap.closed)} after they closed`],
      ['per open subscription', `${perSubscriptionKiB.toFixed(1)} KiB of heap (its share of a connection included)`],
    ]),
  );
}

main().catch(async (error) => {
  console.error(error);
  for (const client of clients) await Promise.resolve(client.dispose()).catch(() => undefined);
  await system?.stop().catch(() => undefined);
  await removeSagaSystem(plan, devProcess).catch(() => undefined);
  process.exitCode = 1;
});
