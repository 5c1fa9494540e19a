import { Pool } from 'pg';
import type { Storefront } from '../../test/support/storefront-customer';

/** Where an order ends up once the saga has answered it (a shipment needs a person first). */
export const SETTLED = ['CONFIRMED', 'REJECTED', 'CANCELLED'] as const;

/**
 * Tells when orders leave PLACED and AWAITING_PAYMENT, by asking ordering's database (one query for
 * every order waited on, each `intervalMs`), not the gateway: the figures come from the database
 * afterwards, this only lets a shopper go on to the next order.
 */
export class SettlementWatcher {
  private readonly pool: Pool;
  private readonly waiting = new Map<string, (status: string | null) => void>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    orderingDatabaseUrl: string,
    private readonly intervalMs: number,
  ) {
    this.pool = new Pool({ connectionString: orderingDatabaseUrl, max: 1 });
    this.pool.on('error', () => undefined);
  }

  /** The order's status once settled, or null after `timeoutMs`. */
  settled(orderId: string, timeoutMs: number): Promise<string | null> {
    return new Promise((resolve) => {
      const giveUp = setTimeout(() => {
        this.waiting.delete(orderId);
        resolve(null);
      }, timeoutMs);
      this.waiting.set(orderId, (status) => {
        clearTimeout(giveUp);
        resolve(status);
      });
      this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    });
  }

  private async poll(): Promise<void> {
    if (this.polling || this.waiting.size === 0) return;
    this.polling = true;
    try {
      const { rows } = await this.pool.query<{ id: string; status: string }>(
        `SELECT id, status FROM orders WHERE id = ANY($1::uuid[]) AND status::text = ANY($2::text[])`,
        [[...this.waiting.keys()], [...SETTLED]],
      );
      for (const { id, status } of rows) {
        this.waiting.get(id)?.(status);
        this.waiting.delete(id);
      }
    } catch {
      // asked again on the next tick
    } finally {
      this.polling = false;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    await this.pool.end();
  }
}

/** One order as its customer saw it: when placeOrder was sent, and when its answer had arrived. */
export interface PlacedOrder {
  id: string;
  customer: number;
  sentAt: number;
  returnedAt: number;
}

export interface LoadResult {
  placed: PlacedOrder[];
  /** placeOrder calls that placed nothing, by reason (a UserError code, an HTTP status or a network error). */
  refused: Map<string, number>;
  /** Orders a shopper stopped waiting for (shopper mode only). */
  unsettled: number;
  startedAt: number;
  stoppedAt: number;
}

/**
 * `shopper`: each customer places an order and waits until the saga has settled it before placing
 * the next (a closed loop: the orders in flight are at most the customers). `flood`: each customer
 * places orders back to back without waiting; the saga's backlog grows if it cannot keep up.
 */
export type LoadMode = 'shopper' | 'flood';

export interface LoadOptions {
  storefront: Storefront;
  tokens: readonly string[];
  productIds: readonly string[];
  linesPerOrder: number;
  mode: LoadMode;
  /** Stop after this many orders in all, or else once `seconds` have passed. */
  orders: number | null;
  seconds: number;
  watcher: SettlementWatcher;
  stopped: () => boolean;
}

function pickLines(productIds: readonly string[], count: number): { productId: string; quantity: number }[] {
  const pool = [...productIds];
  const lines: { productId: string; quantity: number }[] = [];
  while (lines.length < Math.min(count, productIds.length)) {
    const [productId] = pool.splice(Math.floor(Math.random() * pool.length), 1);
    lines.push({ productId: productId!, quantity: 1 });
  }
  return lines;
}

/** Every customer at once, each in its own loop, until the orders or the seconds are used up. */
export async function runCustomers(options: LoadOptions): Promise<LoadResult> {
  const { storefront, tokens, orders, watcher } = options;
  const placed: PlacedOrder[] = [];
  const refused = new Map<string, number>();
  const refuse = (reason: string) => refused.set(reason, (refused.get(reason) ?? 0) + 1);
  let unsettled = 0;
  let claimed = 0;
  const startedAt = Date.now();
  const until = startedAt + options.seconds * 1000;
  const more = () => !options.stopped() && (orders === null ? Date.now() < until : claimed < orders);

  await Promise.all(
    tokens.map(async (token, customer) => {
      while (more()) {
        claimed += 1;
        const sentAt = Date.now();
        let id: string | undefined;
        try {
          const result = await storefront.placeOrder(token, pickLines(options.productIds, options.linesPerOrder));
          const errors = (result.data?.placeOrder?.errors ?? []) as { code: string }[];
          if (result.status !== 200 || result.errors) refuse(`HTTP ${result.status} ${String(result.errors?.[0]?.extensions?.code ?? '')}`.trim());
          else if (errors.length > 0) refuse(errors.map((error) => error.code).join('+'));
          else id = result.data!.placeOrder.order.id as string;
        } catch (error) {
          refuse(`request failed: ${(error as Error).message}`);
        }
        if (id === undefined) {
          // A refusal is quick: a pause keeps a failing customer from spinning.
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        placed.push({ id, customer, sentAt, returnedAt: Date.now() });
        if (options.mode === 'shopper' && (await watcher.settled(id, 60_000)) === null) unsettled += 1;
      }
    }),
  );
  return { placed, refused, unsettled, startedAt, stoppedAt: Date.now() };
}

/** Waits until every order has settled, or the deadline passes; gives how many had not. */
export async function drain(watcher: SettlementWatcher, orderIds: readonly string[], timeoutMs: number): Promise<number> {
  const statuses = await Promise.all(orderIds.map((id) => watcher.settled(id, timeoutMs)));
  return statuses.filter((status) => status === null).length;
}
