import { ShipmentDispatchedV1 } from '@storefront/events';
import { on, RejectedEventError } from '@storefront/messaging';
import type { Environment } from '@storefront/kernel';
import { DeductShippedStock } from '../../application/deduct-shipped-stock/deduct-shipped-stock.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderStock } from '../prisma-order-stock';
import { PrismaReservationRepository } from '../prisma-reservation.repository';

type Tx = Prisma.TransactionClient;

/**
 * A dispatched shipment turns the order's reservation into a deduction; inventory goes by what it
 * reserved, not by the shipment's lines. A shipment of an order whose units were released (or never
 * reserved) cannot be squared by retrying: it goes to the failed set for someone to look at.
 */
export function shippingEventHandlers(env: Environment) {
  return [
    on(ShipmentDispatchedV1, async ({ id, payload }, tx: Tx) => {
      const deducted = await new DeductShippedStock(new PrismaReservationRepository(tx, id), new PrismaOrderStock(tx, env), env).execute({
        orderId: payload.orderId,
      });
      if (!deducted.ok) throw new RejectedEventError(deducted.error.message);
    }),
  ];
}
