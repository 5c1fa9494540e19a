import { StockReservationFailedV1, StockReservedV1 } from '@storefront/events';
import { on } from '@storefront/messaging';
import { RecordStockOutcome } from '../../application/record-stock-outcome/record-stock-outcome.use-case';
import type { Prisma } from '../prisma/generated/client';
import { PrismaOrderRepository } from '../prisma-order.repository';

type Tx = Prisma.TransactionClient;

const clock = { now: () => new Date() };
const stock = (tx: Tx, eventId: string) => new RecordStockOutcome(new PrismaOrderRepository(tx, eventId), clock);

/** Inventory's answer to order-placed: the order waits for its payment, or is rejected. */
export const inventoryEventHandlers = [
  on(StockReservedV1, async ({ id, payload }, tx: Tx) => {
    await stock(tx, id).reserved(payload.orderId);
  }),
  on(StockReservationFailedV1, async ({ id, payload }, tx: Tx) => {
    await stock(tx, id).refused(payload.orderId, payload.refusedLines);
  }),
];
