import { isUuid } from '@storefront/platform';
import { z } from 'zod';
import { deadlineOf, type SagaDeadlines } from '../domain/order-deadlines';
import type { OrderingDb } from './ordering-database';
import { Prisma } from './prisma/generated/client';

export interface MoneyView {
  amount: number;
  currency: string;
}

export interface OrderLineView {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: MoneyView;
}

/** An order as the storefront shows it, read straight from the tables. */
export interface OrderView {
  id: string;
  customerId: string;
  status: string;
  total: MoneyView;
  subtotal: MoneyView;
  discount: MoneyView;
  shipping: MoneyView;
  tax: MoneyView;
  appliedPromotions: { code: string | null; description: string; amount: MoneyView }[];
  shippingOption: { carrier: string; days: number } | null;
  lines: OrderLineView[];
  placedAt: Date;
  statusReason: { code: string; message: string } | null;
  /** When the order stops waiting for another context (cancelled if still in its status then); null when it waits on nobody. */
  waitingUntil: Date | null;
  contactEmail: string;
  shippingAddress: { name: string; line1: string; line2: string | null; city: string; postalCode: string; country: string };
  shipment: { carrier: string; trackingNumber: string } | null;
}

/** Where an order stands in a customer's list: newest first, ties broken by id. */
export interface OrderPosition {
  placedAt: Date;
  id: string;
}

/** A row of the raw order queries: checked, not cast, since the database and not the compiler says what it holds. */
const OrderViewRow = z.object({
  id: z.string(),
  customer_id: z.string(),
  status: z.string(),
  total_amount: z.number().int(),
  subtotal_amount: z.number().int(),
  discount_amount: z.number().int(),
  shipping_amount: z.number().int(),
  tax_amount: z.number().int(),
  shipping_carrier: z.string().nullable(),
  shipping_days: z.number().int().nullable(),
  currency: z.string(),
  placed_at: z.date(),
  status_since: z.date(),
  status_reason_code: z.string().nullable(),
  status_reason_message: z.string().nullable(),
  contact_email: z.string(),
  ship_to_name: z.string(),
  ship_to_line1: z.string(),
  ship_to_line2: z.string().nullable(),
  ship_to_city: z.string(),
  ship_to_postal_code: z.string(),
  ship_to_country: z.string(),
  carrier: z.string().nullable(),
  tracking_number: z.string().nullable(),
  lines: z.array(z.object({ productId: z.string(), name: z.string(), quantity: z.number().int(), unitPriceAmount: z.number().int(), currency: z.string() })),
  promotions: z.array(z.object({ code: z.string().nullable(), description: z.string(), amount: z.number().int() })),
});
type OrderViewRow = z.infer<typeof OrderViewRow>;
const OrderViewRows = z.array(OrderViewRow);

/**
 * An order with its lines in one statement: a page or a batch of orders is one query, not one per
 * order. Raw because the typed API reads an order's lines and promotions with further queries.
 */
const SELECT_ORDERS = Prisma.sql`
  SELECT o.id, o.customer_id, o.status::text AS status, o.total_amount, o.currency, o.placed_at, o.status_since,
         o.subtotal_amount, o.discount_amount, o.shipping_amount, o.tax_amount, o.shipping_carrier, o.shipping_days,
         o.status_reason_code, o.status_reason_message, o.contact_email,
         o.ship_to_name, o.ship_to_line1, o.ship_to_line2, o.ship_to_city, o.ship_to_postal_code, o.ship_to_country,
         o.carrier, o.tracking_number,
         COALESCE((SELECT json_agg(json_build_object('productId', l.product_id, 'name', l.name, 'quantity', l.quantity,
                                                     'unitPriceAmount', l.unit_price_amount, 'currency', l.currency) ORDER BY l.position)
                     FROM order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines,
         COALESCE((SELECT json_agg(json_build_object('code', p.code, 'description', p.description, 'amount', p.amount) ORDER BY p.position)
                     FROM order_promotions p WHERE p.order_id = o.id), '[]'::json) AS promotions
    FROM orders o`;

function toView(row: OrderViewRow, deadlines: SagaDeadlines): OrderView {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    total: { amount: row.total_amount, currency: row.currency },
    subtotal: { amount: row.subtotal_amount, currency: row.currency },
    discount: { amount: row.discount_amount, currency: row.currency },
    shipping: { amount: row.shipping_amount, currency: row.currency },
    tax: { amount: row.tax_amount, currency: row.currency },
    appliedPromotions: row.promotions.map((p) => ({ code: p.code, description: p.description, amount: { amount: p.amount, currency: row.currency } })),
    shippingOption: row.shipping_carrier !== null && row.shipping_days !== null ? { carrier: row.shipping_carrier, days: row.shipping_days } : null,
    lines: row.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      unitPrice: { amount: line.unitPriceAmount, currency: line.currency },
    })),
    placedAt: row.placed_at,
    statusReason: row.status_reason_code !== null && row.status_reason_message !== null ? { code: row.status_reason_code, message: row.status_reason_message } : null,
    waitingUntil: deadlineOf(row.status, row.status_since, deadlines),
    contactEmail: row.contact_email,
    shippingAddress: {
      name: row.ship_to_name,
      line1: row.ship_to_line1,
      line2: row.ship_to_line2,
      city: row.ship_to_city,
      postalCode: row.ship_to_postal_code,
      country: row.ship_to_country,
    },
    shipment: row.carrier !== null && row.tracking_number !== null ? { carrier: row.carrier, trackingNumber: row.tracking_number } : null,
  };
}

/** The read side of ordering: orders as the storefront shows them. */
export class OrderQueries {
  constructor(
    private readonly db: OrderingDb,
    private readonly deadlines: SagaDeadlines,
  ) {}

  /** Many orders with their lines in one query, in the order asked; null for an id that names no order. */
  async byIds(ids: readonly string[]): Promise<(OrderView | null)[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (wanted.length === 0) return ids.map(() => null);
    const rows = OrderViewRows.parse(await this.db.$queryRaw`${SELECT_ORDERS} WHERE o.id = ANY(${wanted}::uuid[])`);
    const byId = new Map(rows.map((row) => [row.id, toView(row, this.deadlines)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  }

  /** One page of a customer's orders, newest first, after the given position; one query. */
  async ofCustomer(customerId: string, after: OrderPosition | null, size: number): Promise<{ items: OrderView[]; hasNextPage: boolean }> {
    const from = after ? Prisma.sql`AND (o.placed_at, o.id) < (${after.placedAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
    const rows = OrderViewRows.parse(
      await this.db.$queryRaw`
        ${SELECT_ORDERS} WHERE o.customer_id = ${customerId} ${from}
         ORDER BY o.placed_at DESC, o.id DESC LIMIT ${size + 1}`,
    );
    return { items: rows.slice(0, size).map((row) => toView(row, this.deadlines)), hasNextPage: rows.length > size };
  }
}
