import { StockReservationFailedV1, StockReservedV1 } from '@storefront/events';
import type { Environment } from '@storefront/kernel';
import { on } from '@storefront/messaging';
import { RecordStockOutcome } from '../../application/record-stock-outcome/record-stock-outcome.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderRepository } from '../prisma-order.repository';

type Tx = Prisma.TransactionClient;

/** Inventory's answer to order-placed: the order waits for its payment, or is rejected. */
export function inventoryEventHandlers(env: Environment) {
  const stock = (tx: Tx, eventId: string) => new RecordStockOutcome(new PrismaOrderRepository(tx, env, eventId), env);
  return [
    on(StockReservedV1, async ({ id, payload }, tx: Tx) => {
      await stock(tx, id).reserved(payload.orderId);
    }),
    on(StockReservationFailedV1, async ({ id, payload }, tx: Tx) => {
      await stock(tx, id).refused(payload.orderId, payload.refusedLines);
    }),
  ];
}
