import { mayActFor, requireRole, toPayload } from '@storefront/platform';
import type { ShipmentView } from '../infrastructure/shipment.queries';
import type { Resolvers } from './generated/resolvers-types';

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
    dispatchShipment: async (_, { orderId }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('shipment', await ctx.useCases.dispatchShipment.execute({ orderId }), toShipmentView);
    },
    confirmDelivery: async (_, { orderId }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('shipment', await ctx.useCases.confirmDelivery.execute({ orderId }), toShipmentView);
    },
  },
  Order: {
    // No query here: shipments load per field through the per-request loader, so a list is one query.
    __resolveReference: (ref) => ({ id: ref.id }),
    shipment: async (order, _, ctx) => {
      const shipment = await ctx.shipments.load(order.id);
      return shipment && mayActFor(ctx.identity, shipment.customerId) ? toShipmentView(shipment) : null;
    },
  },
} satisfies Resolvers;
