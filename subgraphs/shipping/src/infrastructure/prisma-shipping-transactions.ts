import type { ShipmentStore, ShippingTransactions } from '../application/shipping-transactions';
import type { Prisma } from './prisma/generated/client';
import { PrismaCancelledOrders, PrismaShipmentRepository } from './prisma-shipment.repository';
import type { ShippingDb } from './shipping-database';

/** The shipments and cancellations as one transaction sees them; `causationId` names the event being handled, if any. */
export function shipmentStore(tx: Prisma.TransactionClient, causationId: string | null = null): ShipmentStore {
  return { shipments: new PrismaShipmentRepository(tx, causationId), cancellations: new PrismaCancelledOrders(tx) };
}

export class PrismaShippingTransactions implements ShippingTransactions {
  constructor(private readonly db: ShippingDb) {}

  run<T>(work: (store: ShipmentStore) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(shipmentStore(tx)));
  }
}
