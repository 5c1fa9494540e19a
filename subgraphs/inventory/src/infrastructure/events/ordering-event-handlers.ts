import { OrderCancelledV1, OrderPlacedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import type { Environment } from '@storefront/kernel';
import { ReleaseReservation } from '../../application/release-reservation/release-reservation.use-case';
import { ReserveStock } from '../../application/reserve-stock/reserve-stock.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderStock } from '../prisma-order-stock';
import { PrismaReservationRepository } from '../prisma-reservation.repository';

type Tx = Prisma.TransactionClient;

/** Ordering's words translated into inventory's: an order is products and quantities to set aside, nothing more. */
export function orderingEventHandlers(env: Environment) {
  return [
    on(OrderPlacedV1, async ({ id, payload }, tx: Tx) =>
      new ReserveStock(new PrismaReservationRepository(tx, id), new PrismaOrderStock(tx, env), env).execute({
        orderId: payload.orderId,
        lines: payload.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      }),
    ),
    on(OrderCancelledV1, async ({ id, payload }, tx: Tx) =>
      new ReleaseReservation(new PrismaReservationRepository(tx, id), new PrismaOrderStock(tx, env), env).execute({ orderId: payload.orderId }),
    ),
  ];
}
