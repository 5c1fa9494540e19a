import { z } from 'zod';
import { defineEvent } from './contract';
import { orderLineQuantity } from './shared-schemas';

/** The parcel left the warehouse: inventory turns the reservation into a deduction, payments captures. */
export const ShipmentDispatchedV1 = defineEvent(
  'shipping.shipment-dispatched.v1',
  z.object({ orderId: z.uuid(), shipmentId: z.uuid(), carrier: z.string().min(1), trackingNumber: z.string().min(1), lines: z.array(orderLineQuantity).min(1) }),
);

export const ShipmentDeliveredV1 = defineEvent(
  'shipping.shipment-delivered.v1',
  z.object({ orderId: z.uuid(), shipmentId: z.uuid() }),
);
