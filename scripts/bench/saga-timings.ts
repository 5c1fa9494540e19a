import { Client } from 'pg';
import { ofContext, type ContextUrls } from '../system/contexts';
import type { PlacedOrder } from './saga-load';

/**
 * One order's way through the saga, every time in wall-clock ms on this machine's clock. Each step
 * is when the context that took it decided (its event's `occurred_at`, from the `now()` of the
 * transaction that wrote it) and when its outbox relay handed the event to the queues
 * (`published_at`).
 */
export interface SagaTimeline extends PlacedOrder {
  status: string;
  /** ordering: the order row and its ordering.order-placed.v2 event. */
  placedAt: number;
  placedPublishedAt: number | null;
  /** inventory: inventory.stock-reserved.v1. */
  reservedAt: number | null;
  reservedPublishedAt: number | null;
  /** payments: payments.payment-authorized.v1. */
  authorizedAt: number | null;
  authorizedPublishedAt: number | null;
  /** ordering: ordering.order-confirmed.v1, the order becoming CONFIRMED. */
  confirmedAt: number | null;
}

interface Step {
  at: number;
  publishedAt: number | null;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The outbox rows of one event type, by the order they are about. */
async function steps(url: string, type: string, orderIdColumn: string): Promise<Map<string, Step>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ order_id: string; occurred_at: Date; published_at: Date | null }>(
      `SELECT ${orderIdColumn} AS order_id, occurred_at, published_at FROM outbox WHERE type = $1`,
      [type],
    );
    return new Map(rows.map((row) => [row.order_id, { at: row.occurred_at.getTime(), publishedAt: row.published_at?.getTime() ?? null }]));
  });
}

/** Reads every placed order's timeline from ordering's, inventory's and payments' own databases, once the run is over. */
export async function sagaTimelines(urls: ContextUrls, placed: readonly PlacedOrder[]): Promise<SagaTimeline[]> {
  const orders = await withClient(ofContext(urls, 'ordering'), async (client) => {
    const { rows } = await client.query<{ id: string; status: string }>(`SELECT id, status::text AS status FROM orders WHERE id = ANY($1::uuid[])`, [placed.map((order) => order.id)]);
    return new Map(rows.map((row) => [row.id, row.status]));
  });
  const [placedEvents, confirmed, reserved, authorized] = await Promise.all([
    steps(ofContext(urls, 'ordering'), 'ordering.order-placed.v2', 'aggregate_id'),
    steps(ofContext(urls, 'ordering'), 'ordering.order-confirmed.v1', 'aggregate_id'),
    steps(ofContext(urls, 'inventory'), 'inventory.stock-reserved.v1', `payload->>'orderId'`),
    steps(ofContext(urls, 'payments'), 'payments.payment-authorized.v1', `payload->>'orderId'`),
  ]);
  return placed.map((order) => {
    const placedEvent = placedEvents.get(order.id);
    return {
      ...order,
      status: orders.get(order.id) ?? 'MISSING',
      placedAt: placedEvent?.at ?? NaN,
      placedPublishedAt: placedEvent?.publishedAt ?? null,
      reservedAt: reserved.get(order.id)?.at ?? null,
      reservedPublishedAt: reserved.get(order.id)?.publishedAt ?? null,
      authorizedAt: authorized.get(order.id)?.at ?? null,
      authorizedPublishedAt: authorized.get(order.id)?.publishedAt ?? null,
      confirmedAt: confirmed.get(order.id)?.at ?? null,
    };
  });
}

/**
 * Orders placed during the run whose placeOrder answer never reached a customer (the gateway gave
 * up on ordering, but ordering had committed): they are not in `placed`, yet the saga worked on
 * them all the same. By status.
 */
export async function unansweredOrders(orderingUrl: string, since: number, placed: readonly PlacedOrder[]): Promise<Map<string, number>> {
  return withClient(orderingUrl, async (client) => {
    const { rows } = await client.query<{ status: string; count: string }>(
      `SELECT status::text AS status, count(*) AS count FROM orders
        WHERE placed_at >= to_timestamp($1::double precision / 1000) AND id <> ALL($2::uuid[]) GROUP BY status`,
      [since, placed.map((order) => order.id)],
    );
    return new Map(rows.map((row) => [row.status, Number(row.count)]));
  });
}
