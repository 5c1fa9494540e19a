import { DispatchRequestedV1, ShipmentDeliveredV1, ShipmentDispatchedV1 } from '@storefront/events';
import type { Environment } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import { RecordShipmentProgress } from '../../application/record-shipment-progress/record-shipment-progress.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderRepository } from '../prisma-order.repository';

type Tx = Prisma.TransactionClient;

/** Shipping's news: it asks to dispatch the order (agreed while the order stands), the order is shipped (with carrier and tracking number), then delivered. */
export function shippingEventHandlers(env: Environment) {
  const shipment = (tx: Tx, eventId: string) => new RecordShipmentProgress(new PrismaOrderRepository(tx, env, eventId), env);
  return [
    on(DispatchRequestedV1, async ({ id, payload }, tx: Tx) => {
      await shipment(tx, id).dispatchRequested(payload.orderId);
    }),
    on(ShipmentDispatchedV1, async ({ id, payload }, tx: Tx) => {
      await shipment(tx, id).dispatched(payload.orderId, { carrier: payload.carrier, trackingNumber: payload.trackingNumber });
    }),
    on(ShipmentDeliveredV1, async ({ id, payload }, tx: Tx) => {
      await shipment(tx, id).delivered(payload.orderId);
    }),
  ];
}
