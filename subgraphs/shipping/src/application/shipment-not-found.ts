import { fail, type Result } from '@storefront/kernel';

export function shipmentNotFound(orderId: string): Result<never> {
  return fail('SHIPMENT_NOT_FOUND', `Order ${orderId} has no shipment: it is not confirmed yet, or there is no such order.`, 'orderId');
}
