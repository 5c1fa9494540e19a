import { clientOperations } from '../../test/support/operations';
import { ofContext } from '../system/contexts';
import { line, onDatabase, type AuditLine } from './audit-line';
import type { OrderRow } from './audit-saga';

const ops = clientOperations('storefront');

interface OrderAnswer {
  order: { id: string; status: string; total: { amount: number }; payment: { status: string } | null; shipment: { status: string } | null } | null;
}

/**
 * Through the gateway, as each customer sees its orders: the status, total, payment and shipment
 * the storefront shows must be what ordering, payments and shipping hold.
 */
export async function auditThroughGateway(
  gatewayUrl: string,
  token: (subject: string) => Promise<string>,
  databaseUrls: Readonly<Record<string, string>>,
  orders: readonly OrderRow[],
): Promise<AuditLine> {
  const ids = orders.map((order) => order.id);
  const payments = await onDatabase(ofContext(databaseUrls, 'payments'), async (db) =>
    new Map((await db.query<{ order_id: string; status: string }>('SELECT order_id, status::text AS status FROM payments WHERE order_id = ANY($1::uuid[])', [ids])).rows.map((row) => [row.order_id, row.status])),
  );
  const shipments = await onDatabase(ofContext(databaseUrls, 'shipping'), async (db) =>
    new Map((await db.query<{ order_id: string; status: string }>('SELECT order_id, status::text AS status FROM shipments WHERE order_id = ANY($1::uuid[])', [ids])).rows.map((row) => [row.order_id, row.status])),
  );
  const differing: string[] = [];
  const queue = [...orders];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let order = queue.shift(); order; order = queue.shift()) {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(order.customer_id)}` },
          body: JSON.stringify({ query: ops.Order!, variables: { id: order.id } }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as { data?: OrderAnswer; errors?: unknown[] };
        const seen = body.data?.order;
        const expected = { status: order.status, total: order.total_amount, payment: payments.get(order.id) ?? null, shipment: shipments.get(order.id) ?? null };
        const shown = seen ? { status: seen.status, total: seen.total.amount, payment: seen.payment?.status ?? null, shipment: seen.shipment?.status ?? null } : null;
        if (body.errors || JSON.stringify(shown) !== JSON.stringify(expected)) differing.push(`${order.id} (shows ${JSON.stringify(shown ?? body.errors)}, holds ${JSON.stringify(expected)})`);
      }
    }),
  );
  return line('through the gateway: each customer sees what the contexts hold (status, total, payment, shipment)', differing, `${orders.length} orders asked for`);
}
