import { defineSubscriptions, OrderCancelledV1, OrderPlacedV1, ProductCreatedV1, ProductDiscontinuedV1, ShipmentDispatchedV1 } from '@storefront/events';

/** The events inventory listens to. */
export const subscriptions = defineSubscriptions('inventory', [
  ProductCreatedV1,
  ProductDiscontinuedV1,
  OrderPlacedV1,
  OrderCancelledV1,
  ShipmentDispatchedV1,
]);
