import { mayActFor, requireRole, toPayload } from '@storefront/platform';
import type { ShipmentView } from '../infrastructure/shipment.queries';
import type { ShippingContext } from './shipping-context';

interface OrderRef {
  id: string;
}

type ShipmentFields = Pick<ShipmentView, 'id' | 'status' | 'carrier' | 'trackingNumber' | 'dispatchedAt' | 'deliveredAt'>;

const toShipmentView = ({ id, status, carrier, trackingNumber, dispatchedAt, deliveredAt }: ShipmentFields) => ({
  id,
  status,
  carrier,
  trackingNumber,
  dispatchedAt: dispatchedAt?.toISOString() ?? null,
  deliveredAt: deliveredAt?.toISOString() ?? null,
});

export const shipmentResolvers = {
  Mutation: {
    dispatchShipment: async (_: unknown, { orderId }: { orderId: string }, ctx: ShippingContext) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('shipment', await ctx.useCases.dispatchShipment.execute({ orderId }), toShipmentView);
    },
    confirmDelivery: async (_: unknown, { orderId }: { orderId: string }, ctx: ShippingContext) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('shipment', await ctx.useCases.confirmDelivery.execute({ orderId }), toShipmentView);
    },
  },
  Order: {
    // No query here: shipments load per field through the per-request loader, so a list is one query.
    __resolveReference: (ref: OrderRef) => ({ id: ref.id }),
    shipment: async (order: OrderRef, _: unknown, ctx: ShippingContext) => {
      const shipment = await ctx.shipments.load(order.id);
      return shipment && mayActFor(ctx.identity, shipment.customerId) ? toShipmentView(shipment) : null;
    },
  },
};
