import { anOrderInput, placeOrder } from '../subgraphs/ordering/test/ordering-operations';
import { aCustomer, startHarness as startOrdering } from '../subgraphs/ordering/test/ordering-harness';
import * as answers from '../subgraphs/ordering/test/saga-events';
import { startHarness as startInventory } from '../subgraphs/inventory/test/inventory-harness';
import { anOrderId, orderPlaced } from '../subgraphs/inventory/test/order-events';
import { startHarness as startPayments } from '../subgraphs/payments/test/payments-harness';
import * as paymentSteps from '../subgraphs/payments/test/saga-events';

/**
 * `pnpm bench:saga-steps`: the CPU one saga step costs the context that handles it, measured in one
 * process (the subgraph with its consumer and outbox relay, on a scratch database) with
 * `process.cpuUsage()`, so that the rest of a shared machine counts for little; and the statements
 * its Prisma client sent. Steps: inventory reserving a placed order; payments recording a placed
 * order's payment and authorizing it once the stock is reserved (the built-in test provider's books,
 * in the same process, counted in the CPU but not in the statements); ordering taking an order from
 * PLACED to CONFIRMED (stock reserved, then payment authorized). 8 events at a time, after a warm-up.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const WARM_UP = 50;
const AT_ONCE = 8;

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: AT_ONCE }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** Runs the measured part and prints CPU and statements per item; the relay's work on the outbox rows is included. */
async function measure(label: string, statements: { readonly count: number; reset(): void }, run: () => Promise<void>): Promise<void> {
  statements.reset();
  const before = process.cpuUsage();
  await run();
  await new Promise((resolve) => setTimeout(resolve, 300)); // the relay publishes what the last events wrote
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000 / EVENTS;
  console.log(`${label.padEnd(56)} ${cpuMs.toFixed(2)} ms CPU, ${(statements.count / EVENTS).toFixed(1)} statements`);
}

async function inventoryReserving(): Promise<void> {
  const inventory = await startInventory();
  try {
    const products = await Promise.all(Array.from({ length: 8 }, () => inventory.stockedProduct({ 'eu-central': 1_000_000, 'us-east': 1_000_000 })));
    const anyProduct = () => products[Math.floor(Math.random() * products.length)]!;
    const placed = Array.from({ length: WARM_UP + EVENTS }, () => orderPlaced(anOrderId(), [{ productId: anyProduct(), quantity: 1 }, { productId: anyProduct(), quantity: 1 }]));
    await inParallel(placed.slice(0, WARM_UP), (event) => inventory.consumer.handle(event));
    await measure('inventory: order-placed (reserve), per event', inventory.sqlQueries, () => inParallel(placed.slice(WARM_UP), (event) => inventory.consumer.handle(event)));
  } finally {
    await inventory.stop();
  }
}

async function paymentsAuthorizing(): Promise<void> {
  const payments = await startPayments();
  try {
    const orderIds = Array.from({ length: WARM_UP + EVENTS }, () => paymentSteps.anOrderId());
    const authorize = async (orderId: string) => {
      await payments.consumer.handle(paymentSteps.orderPlaced(orderId));
      await payments.consumer.handle(paymentSteps.stockReserved(orderId));
    };
    await inParallel(orderIds.slice(0, WARM_UP), authorize);
    await measure('payments: order-placed + stock-reserved, per order', payments.server.sqlQueries, () => inParallel(orderIds.slice(WARM_UP), authorize));
  } finally {
    await payments.stop();
  }
}

async function orderingConfirming(): Promise<void> {
  const ordering = await startOrdering({ deadlineSweepMs: 3_600_000 });
  try {
    const [productId] = await ordering.priceProducts({});
    const customer = aCustomer();
    const orderIds: string[] = [];
    await inParallel(Array.from({ length: WARM_UP + EVENTS }), async () => orderIds.push((await placeOrder(ordering, customer, anOrderInput([productId!]))).order.id));
    const lines = [{ productId: productId!, quantity: 1 }];
    const confirm = async (orderId: string) => {
      await ordering.consumer.handle(answers.stockReserved(orderId, lines));
      await ordering.consumer.handle(answers.paymentAuthorized(orderId));
    };
    await inParallel(orderIds.slice(0, WARM_UP), confirm);
    await measure('ordering: stock-reserved + payment-authorized, per order', ordering.sqlQueries, () => inParallel(orderIds.slice(WARM_UP), confirm));
  } finally {
    await ordering.stop();
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_STEPS?.split(',');
  const steps: [string, () => Promise<void>][] = [['inventory', inventoryReserving], ['payments', paymentsAuthorizing], ['ordering', orderingConfirming]];
  for (const [name, step] of steps) if (!only || only.includes(name)) await step();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench:saga-steps failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
