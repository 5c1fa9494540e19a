import { OrderCancelledV1, OrderPlacedV2, OrderRejectedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import type { Environment } from '@storefront/kernel';
import { ReleaseReservation } from '../../application/release-reservation/release-reservation.use-case';
import { ReserveStock } from '../../application/reserve-stock/reserve-stock.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderStock } from '../prisma-order-stock';
import { PrismaReservationRepository } from '../prisma-reservation.repository';

type Tx = Prisma.TransactionClient;

/**
 * Ordering's words translated into inventory's: an order is products and quantities to set aside,
 * nothing more. A rejected order gives back what it holds: an order is rejected after its stock was
 * reserved when one of its promotions cannot be redeemed (a refusal of stock itself reserved nothing).
 */
export function orderingEventHandlers(env: Environment) {
  const release = (tx: Tx, eventId: string, orderId: string) =>
    new ReleaseReservation(new PrismaReservationRepository(tx, eventId), new PrismaOrderStock(tx, env), env).execute({ orderId });
  return [
    on(OrderPlacedV2, async ({ id, payload }, tx: Tx) =>
      new ReserveStock(new PrismaReservationRepository(tx, id), new PrismaOrderStock(tx, env), env).execute({
        orderId: payload.orderId,
        lines: payload.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      }),
    ),
    on(OrderCancelledV1, async ({ id, payload }, tx: Tx) => release(tx, id, payload.orderId)),
    on(OrderRejectedV1, async ({ id, payload }, tx: Tx) => release(tx, id, payload.orderId)),
  ];
}
