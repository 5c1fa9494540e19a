import { defineSubscriptions, OrderCancelledV1, OrderPlacedV2, OrderRejectedV1, ProductCreatedV1, ProductDiscontinuedV1, ShipmentDispatchedV1 } from '@storefront/events';

/** The events inventory listens to. */
export const subscriptions = defineSubscriptions('inventory', [
  ProductCreatedV1,
  ProductDiscontinuedV1,
  OrderPlacedV2,
  OrderCancelledV1,
  OrderRejectedV1,
  ShipmentDispatchedV1,
]);
