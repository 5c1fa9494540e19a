import { requireRole, toPayload, type Identity } from '@storefront/platform';
import type { ShipmentState } from '../domain/shipment.aggregate';
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

/** The customer who ordered sees their shipment, and admins see every one; anyone else sees none, as if it did not exist. */
function maySee(identity: Identity | null, shipment: ShipmentView): boolean {
  return !!identity && (identity.roles.includes('admin') || identity.subject === shipment.customerId);
}

const present = (state: ShipmentState) => toShipmentView(state);

export const shipmentResolvers = {
  Mutation: {
    dispatchShipment: async (_, { orderId }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('shipment', await ctx.useCases.dispatchShipment.execute({ orderId }), present);
    },
    confirmDelivery: async (_, { orderId }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('shipment', await ctx.useCases.confirmDelivery.execute({ orderId }), present);
    },
  },
  Order: {
    // No query here: shipments load per field through the per-request loader, so a list is one query.
    __resolveReference: (ref) => ({ id: ref.id }),
    shipment: async (order, _, ctx) => {
      const shipment = await ctx.shipments.load(order.id);
      return shipment && maySee(ctx.identity, shipment) ? toShipmentView(shipment) : null;
    },
  },
} satisfies Resolvers;
