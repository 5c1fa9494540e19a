import { fail, type Result } from '@storefront/kernel';
import type { CancelledOrders, ShipmentRepository } from '../domain/shipment.repository';

export interface ShipmentStore {
  shipments: ShipmentRepository;
  cancellations: CancelledOrders;
}

/** Runs work in one transaction of shipping's database: what it stores and publishes commits together or not at all. */
export interface ShippingTransactions {
  run<T>(work: (store: ShipmentStore) => Promise<T>): Promise<T>;
}

export function shipmentNotFound(orderId: string): Result<never> {
  return fail('SHIPMENT_NOT_FOUND', `Order ${orderId} has no shipment: it is not confirmed yet, or there is no such order.`, 'orderId');
}
