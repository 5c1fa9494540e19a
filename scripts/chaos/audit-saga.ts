import { ofContext } from '../system/contexts';
import { line, onDatabase, stockByProduct, type AuditLine } from './audit-line';
import type { ChaosOrder } from './shoppers';

const TERMINAL = ['DELIVERED', 'REJECTED', 'CANCELLED'];
/** Waiting for a person, not for the system: the back office to dispatch, the carrier to deliver. */
const WAITING_FOR_A_PERSON = ['CONFIRMED', 'SHIPPED'];
const DISPATCHED = ['SHIPPED', 'DELIVERED'];

export interface OrderRow {
  id: string;
  customer_id: string;
  idempotency_key: string;
  status: string;
  total_amount: number;
  currency: string;
}

export interface SagaAuditInput {
  databaseUrls: Readonly<Record<string, string>>;
  customerPrefix: string;
  orders: readonly ChaosOrder[];
  stockBefore: ReadonlyMap<string, { onHand: number; reserved: number }>;
}

export async function runOrders(orderingUrl: string, customerPrefix: string): Promise<OrderRow[]> {
  return onDatabase(orderingUrl, async (db) =>
    (
      await db.query<OrderRow>(
        `SELECT id, customer_id, idempotency_key, status::text AS status, total_amount, currency FROM orders WHERE customer_id LIKE $1 ORDER BY placed_at`,
        [`${customerPrefix}%`],
      )
    ).rows,
  );
}

/** Orders, stock, payments and idempotency keys, from ordering's, inventory's and payments' own databases. */
export async function auditSaga(input: SagaAuditInput, orders: readonly OrderRow[]): Promise<AuditLine[]> {
  const byId = new Map(orders.map((order) => [order.id, order]));
  const ids = orders.map((order) => order.id);
  const lines: AuditLine[] = [];
  const count = (statuses: readonly string[]) => orders.filter((order) => statuses.includes(order.status)).length;

  const stuck = orders.filter((order) => !TERMINAL.includes(order.status) && !WAITING_FOR_A_PERSON.includes(order.status));
  lines.push(line('every order is terminal or waiting for a person', stuck.map((order) => `${order.id} (${order.status})`),
    `${count(TERMINAL)} terminal, ${count(['CONFIRMED'])} CONFIRMED waiting for the back office to dispatch, ${count(['SHIPPED'])} SHIPPED waiting for delivery; none may wait on the system`));

  const gaveUp = input.orders.filter((order) => order.notes.some((note) => note.startsWith('follow-up gave up') || note.startsWith('never confirmed (still')));
  lines.push(line('every step a customer or the back office took went through', gaveUp.map((order) => `${order.id} (${order.notes.join('; ')})`), `${input.orders.length} orders followed up`));

  // Stock: what dispatched orders took and live reservations hold, against the stock before the run.
  const inventory = ofContext(input.databaseUrls, 'inventory');
  const reservations = await onDatabase(inventory, async (db) =>
    (
      await db.query<{ order_id: string; status: string; product_id: string; quantity: number }>(
        `SELECT r.order_id, r.status::text AS status, l.product_id, l.quantity FROM reservations r LEFT JOIN reservation_lines l ON l.order_id = r.order_id WHERE r.order_id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows,
  );
  const stockAfter = await stockByProduct(inventory);
  const taken = new Map<string, { deducted: number; reserved: number }>();
  const reservationStatus = new Map<string, string>();
  for (const row of reservations) {
    reservationStatus.set(row.order_id, row.status);
    if (!row.product_id) continue;
    const entry = taken.get(row.product_id) ?? { deducted: 0, reserved: 0 };
    if (row.status === 'DEDUCTED') entry.deducted += row.quantity;
    if (row.status === 'RESERVED') entry.reserved += row.quantity;
    taken.set(row.product_id, entry);
  }
  const unbalanced: string[] = [];
  for (const [productId, after] of stockAfter) {
    const before = input.stockBefore.get(productId) ?? { onHand: 0, reserved: 0 };
    const { deducted, reserved } = taken.get(productId) ?? { deducted: 0, reserved: 0 };
    if (after.onHand !== before.onHand - deducted || after.reserved !== before.reserved + reserved || after.reserved < 0 || after.reserved > after.onHand) {
      unbalanced.push(`${productId} (on hand ${before.onHand}→${after.onHand}, deducted ${deducted}; reserved ${before.reserved}→${after.reserved}, live ${reserved})`);
    }
  }
  const units = [...taken.values()].reduce((sum, entry) => sum + entry.deducted, 0);
  lines.push(line('stock: on hand = before − dispatched, reserved = before + live reservations, 0 ≤ reserved ≤ on hand', unbalanced, `${stockAfter.size} products, ${units} units dispatched`));

  const mismatched = orders.filter((order) => {
    const reservation = reservationStatus.get(order.id);
    if (DISPATCHED.includes(order.status)) return reservation !== 'DEDUCTED';
    if (order.status === 'CONFIRMED') return reservation !== 'RESERVED';
    return reservation === 'RESERVED' || reservation === 'DEDUCTED';
  });
  lines.push(line('reservations follow orders: dispatched → deducted, confirmed → reserved, cancelled or rejected → none held', mismatched.map((order) => `${order.id} (${order.status}, reservation ${reservationStatus.get(order.id) ?? 'none'})`), `${reservations.length} reservation lines`));

  lines.push(...(await auditPayments(ofContext(input.databaseUrls, 'payments'), byId)));

  // Idempotency keys: one order each, and every answer a customer got for its key named that order.
  const perKey = new Map<string, string[]>();
  for (const order of orders) perKey.set(`${order.customer_id}/${order.idempotency_key}`, [...(perKey.get(`${order.customer_id}/${order.idempotency_key}`) ?? []), order.id]);
  const doubled = [...perKey].filter(([, orderIds]) => orderIds.length > 1).map(([key, orderIds]) => `${key} → ${orderIds.join(', ')}`);
  const answeredOther = input.orders.filter((order) => order.answers.some((answer) => answer !== order.id) || byId.get(order.id)?.idempotency_key !== order.idempotencyKey);
  const repeated = input.orders.filter((order) => order.answers.length > 1).length;
  lines.push(line('idempotency keys: one order each, the same order for every repeat', [...doubled, ...answeredOther.map((order) => `${order.id} (answers ${order.answers.join(', ')})`)], `${perKey.size} keys, ${repeated} checkouts sent twice on purpose`));
  return lines;
}

async function auditPayments(paymentsUrl: string, orders: ReadonlyMap<string, OrderRow>): Promise<AuditLine[]> {
  const ids = [...orders.keys()];
  const { payments, operations, refunds } = await onDatabase(paymentsUrl, async (db) => ({
    payments: (
      await db.query<{ order_id: string; status: string; amount: number; currency: string; provider_reference: string | null; captured_amount: number; refunded_amount: number }>(
        'SELECT order_id, status::text AS status, amount, currency, provider_reference, captured_amount, refunded_amount FROM payments WHERE order_id = ANY($1::uuid[])',
        [ids],
      )
    ).rows,
    operations: (await db.query<{ kind: string; reference: string | null; outcome: string | null; amount: number | null }>('SELECT kind, reference, outcome, amount FROM test_provider_operations WHERE outcome IS NOT NULL')).rows,
    refunds: (await db.query<{ order_id: string; amount: string }>('SELECT p.order_id, SUM(r.amount) AS amount FROM refunds r JOIN payments p ON p.id = r.payment_id GROUP BY p.order_id')).rows,
  }));
  const lines: AuditLine[] = [];
  const paymentOf = new Map(payments.map((payment) => [payment.order_id, payment]));
  const byReference = new Map<string, Map<string, number>>();
  for (const operation of operations) {
    if (!operation.reference) continue;
    const kinds = byReference.get(operation.reference) ?? new Map<string, number>();
    kinds.set(`${operation.kind}:${operation.outcome}`, (kinds.get(`${operation.kind}:${operation.outcome}`) ?? 0) + 1);
    byReference.set(operation.reference, kinds);
  }
  const ours = new Set(payments.map((payment) => payment.provider_reference).filter((reference): reference is string => reference !== null));
  const times = (reference: string | null, what: string) => (reference ? (byReference.get(reference)?.get(what) ?? 0) : 0);

  const authorizations = payments.filter((payment) => payment.provider_reference !== null && !['PENDING', 'DECLINED'].includes(payment.status));
  const notOnce = authorizations.filter((payment) => times(payment.provider_reference, 'authorize:AUTHORIZED') !== 1).map((payment) => payment.order_id);
  // An authorization the provider holds that no payment records would be money held for nothing.
  const orphans = operations.filter((operation) => operation.kind === 'authorize' && operation.outcome === 'AUTHORIZED' && operation.reference && !ours.has(operation.reference));
  lines.push(line('payments: exactly one authorization per order that got one, none unrecorded', [...notOnce, ...orphans.map((operation) => `authorization ${operation.reference} (no payment)`)], `${authorizations.length} authorizations`));

  const badCapture = payments.filter((payment) => {
    const status = orders.get(payment.order_id)!.status;
    const captures = times(payment.provider_reference, 'capture:CAPTURED');
    return DISPATCHED.includes(status) ? captures !== 1 || payment.captured_amount !== payment.amount : captures !== 0 || payment.captured_amount !== 0;
  });
  const dispatchedUnpaid = [...orders.values()].filter((order) => DISPATCHED.includes(order.status) && !paymentOf.has(order.id));
  lines.push(line('payments: captured once, in full, exactly for dispatched orders', [...badCapture.map((payment) => `${payment.order_id} (${orders.get(payment.order_id)!.status}, payment ${payment.status})`), ...dispatchedUnpaid.map((order) => `${order.id} (no payment)`)],
    `${payments.filter((payment) => payment.captured_amount > 0).length} captured`));

  const notVoided = [...orders.values()].filter((order) => {
    const payment = paymentOf.get(order.id);
    if (!['CANCELLED', 'REJECTED'].includes(order.status) || !payment?.provider_reference) return false;
    return payment.status !== 'VOIDED' || times(payment.provider_reference, 'void:VOIDED') !== 1;
  });
  const heldForClosed = [...orders.values()].filter((order) => ['CANCELLED', 'REJECTED'].includes(order.status) && ['AUTHORIZED', 'CAPTURED'].includes(paymentOf.get(order.id)?.status ?? ''));
  lines.push(line('payments: every authorization of a cancelled or rejected order voided', [...new Set([...notVoided, ...heldForClosed].map((order) => `${order.id} (${order.status}, payment ${paymentOf.get(order.id)?.status})`))],
    `${payments.filter((payment) => payment.status === 'VOIDED').length} voided, ${payments.filter((payment) => payment.status === 'DECLINED').length} declined`));

  const refundedOf = new Map(refunds.map((refund) => [refund.order_id, Number(refund.amount)]));
  const overRefunded = payments.filter((payment) => payment.refunded_amount > payment.captured_amount || (refundedOf.get(payment.order_id) ?? 0) !== payment.refunded_amount);
  lines.push(line('payments: refunds within captures, refund rows adding up', overRefunded.map((payment) => payment.order_id), `${refunds.length} refunded payments`));

  const wrongTotal = payments.filter((payment) => {
    const order = orders.get(payment.order_id)!;
    return payment.amount !== order.total_amount || payment.currency.trim() !== order.currency.trim();
  });
  const confirmedWithout = [...orders.values()].filter((order) => ['CONFIRMED', ...DISPATCHED].includes(order.status) && !['AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(paymentOf.get(order.id)?.status ?? ''));
  lines.push(line("payments: amounts equal the orders' totals; every confirmed order has its money", [...wrongTotal.map((payment) => `${payment.order_id} (${payment.amount} vs ${orders.get(payment.order_id)!.total_amount})`), ...confirmedWithout.map((order) => `${order.id} (${order.status} without authorization)`)],
    `${payments.length} payments for ${orders.size} orders`));
  return lines;
}
