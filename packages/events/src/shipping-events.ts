import { z } from 'zod';
import { defineEvent } from './contract';
import { orderLineQuantity } from './shared-schemas';

/**
 * An admin asked for the order's parcel to leave: it leaves once ordering agrees the order still
 * stands (ordering.order-released-for-dispatch), and never after the order was cancelled.
 */
export const DispatchRequestedV1 = defineEvent('shipping.dispatch-requested.v1', z.object({ orderId: z.uuid(), shipmentId: z.uuid() }));

/** The parcel left the warehouse: inventory turns the reservation into a deduction, payments captures. */
export const ShipmentDispatchedV1 = defineEvent(
  'shipping.shipment-dispatched.v1',
  z.object({ orderId: z.uuid(), shipmentId: z.uuid(), carrier: z.string().min(1), trackingNumber: z.string().min(1), lines: z.array(orderLineQuantity).min(1) }),
);

export const ShipmentDeliveredV1 = defineEvent(
  'shipping.shipment-delivered.v1',
  z.object({ orderId: z.uuid(), shipmentId: z.uuid() }),
);
