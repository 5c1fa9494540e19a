import { z } from 'zod';
import type { NotificationsDb } from './notifications-database';

/** A notification as the API shows it, straight from its row. */
export interface NotificationView {
  id: string;
  customerId: string;
  orderId: string;
  kind: string;
  message: string;
  channel: string;
  address: string | null;
  occurredAt: Date;
  createdAt: Date;
}

/** Where a page of a customer's notifications starts: after this one, newest first. */
export interface NotificationPosition {
  occurredAt: Date;
  id: string;
}

/** One customer's page asked for: `size` notifications after `after` (from the newest when null). */
export interface PageRequest {
  customerId: string;
  after: NotificationPosition | null;
  size: number;
}

export interface NotificationPage {
  items: NotificationView[];
  hasNextPage: boolean;
}

const NEWEST_FIRST = [{ occurredAt: 'desc' }, { id: 'desc' }] as const;

/** A row of the raw page query: checked, not cast, since the database and not the compiler says what it holds. */
const PageRow = z.object({
  request: z.number().int(),
  id: z.string(),
  customerId: z.string(),
  orderId: z.string(),
  kind: z.string(),
  message: z.string(),
  channel: z.string(),
  address: z.string().nullable(),
  occurredAt: z.date(),
  createdAt: z.date(),
});

/** The read side of notifications, straight from the table. */
export class NotificationQueries {
  constructor(private readonly db: NotificationsDb) {}

  /**
   * Every page asked for in one query, whatever the customers and cursors: each request is a row
   * of an unnest, joined laterally to its customer's newest notifications after its position, one
   * more than the page holds to know whether more follow. Pages come back in the order asked.
   * Raw because Prisma's typed API has no lateral join: it would take one query per page.
   */
  async pages(requests: readonly PageRequest[]): Promise<NotificationPage[]> {
    if (requests.length === 0) return [];
    const customerIds = requests.map((r) => r.customerId);
    const afterInstants = requests.map((r) => r.after?.occurredAt.toISOString() ?? null);
    const afterIds = requests.map((r) => r.after?.id ?? null);
    const limits = requests.map((r) => r.size + 1);
    const rows = z.array(PageRow).parse(
      await this.db.$queryRaw`
      SELECT q.request::int AS request, n.id, n.customer_id AS "customerId", n.order_id AS "orderId", n.kind::text AS kind,
             n.message, n.channel::text AS channel, n.address, n.occurred_at AS "occurredAt", n.created_at AS "createdAt"
        FROM unnest(${customerIds}::text[], ${afterInstants}::text[], ${afterIds}::text[], ${limits}::int[])
             WITH ORDINALITY AS q(customer_id, after_at, after_id, size, request)
       CROSS JOIN LATERAL (
             SELECT * FROM notifications
              WHERE customer_id = q.customer_id
                AND (q.after_at IS NULL OR (occurred_at, id) < (q.after_at::timestamptz, q.after_id::uuid))
              ORDER BY occurred_at DESC, id DESC
              LIMIT q.size) n
       ORDER BY q.request, n.occurred_at DESC, n.id DESC`,
    );
    const byRequest = groupBy(rows, (row) => row.request);
    return requests.map((request, i) => {
      const items = (byRequest.get(i + 1) ?? []).map(({ request: _, ...view }) => view);
      return { items: items.slice(0, request.size), hasNextPage: items.length > request.size };
    });
  }

  /** Every notification about each order asked for, newest first, in one query. */
  async byOrderIds(orderIds: readonly string[]): Promise<NotificationView[][]> {
    if (orderIds.length === 0) return [];
    const rows = await this.db.notification.findMany({ where: { orderId: { in: [...orderIds] } }, orderBy: [...NEWEST_FIRST] });
    const byOrder = groupBy(rows, (row) => row.orderId);
    return orderIds.map((orderId) => byOrder.get(orderId) ?? []);
  }
}

/** Rows by key, each group in the rows' own order. */
function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
