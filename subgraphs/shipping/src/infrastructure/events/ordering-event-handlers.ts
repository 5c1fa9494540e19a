import { OrderCancelledV1, OrderConfirmedV1, OrderReleasedForDispatchV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { CancelShipment } from '../../application/cancel-shipment/cancel-shipment.use-case';
import { DispatchReleasedShipment } from '../../application/dispatch-released-shipment/dispatch-released-shipment.use-case';
import type { Environment } from '@storefront/kernel';
import { PrepareShipment } from '../../application/prepare-shipment/prepare-shipment.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaCancelledOrders, PrismaShipmentRepository } from '../prisma-shipment.repository';

type Tx = Prisma.TransactionClient;

/**
 * Ordering's words translated into shipping's: a confirmed order is a parcel to send to an address
 * (prices are not read), a cancelled one a parcel that never leaves, and an order released for
 * dispatch a parcel that leaves now.
 */
export function orderingEventHandlers(env: Environment) {
  return [
    on(OrderConfirmedV1, async ({ id, payload }, tx: Tx) =>
      new PrepareShipment(new PrismaShipmentRepository(tx, id), new PrismaCancelledOrders(tx), env).execute({
        orderId: payload.orderId,
        customerId: payload.customerId,
        address: payload.shippingAddress,
        lines: payload.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      }),
    ),
    on(OrderCancelledV1, async ({ id, payload }, tx: Tx) => new CancelShipment(new PrismaShipmentRepository(tx, id), new PrismaCancelledOrders(tx), env).execute({ orderId: payload.orderId })),
    on(OrderReleasedForDispatchV1, async ({ id, payload }, tx: Tx) => new DispatchReleasedShipment(new PrismaShipmentRepository(tx, id), env).execute({ orderId: payload.orderId })),
  ];
}
