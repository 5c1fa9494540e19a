import { isUuid } from '@storefront/platform';
import type { ShipmentStatus } from '../domain/shipment.aggregate';
import type { ShippingDb } from './shipping-database';

/** A shipment as the API shows it, with whose order it is, so a resolver can tell who may see it. */
export interface ShipmentView {
  id: string;
  orderId: string;
  customerId: string;
  status: ShipmentStatus;
  carrier: string | null;
  trackingNumber: string | null;
  dispatchedAt: Date | null;
  deliveredAt: Date | null;
}

const VIEW = { id: true, orderId: true, customerId: true, status: true, carrier: true, trackingNumber: true, dispatchedAt: true, deliveredAt: true } as const;

/** The read side of shipments, straight from the table. */
export class ShipmentQueries {
  constructor(private readonly db: ShippingDb) {}

  /** The shipments of many orders in one query, in the order asked; null for an order with none (or an id that is no order id). */
  async byOrderIds(orderIds: readonly string[]): Promise<(ShipmentView | null)[]> {
    const valid = orderIds.filter(isUuid);
    const rows = valid.length > 0 ? await this.db.shipment.findMany({ where: { orderId: { in: valid } }, select: VIEW }) : [];
    const byOrder = new Map(rows.map((row) => [row.orderId, row]));
    return orderIds.map((id) => byOrder.get(id) ?? null);
  }
}
