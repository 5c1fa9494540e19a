import {
  defineSubscriptions,
  OrderCancelledV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderPlacedV2,
  OrderRejectedV1,
  OrderShippedV1,
} from '@storefront/events';

/** Notifications listens to everything ordering tells about an order, and to nothing else. */
export const subscriptions = defineSubscriptions('notifications', [
  OrderPlacedV2,
  OrderConfirmedV1,
  OrderRejectedV1,
  OrderCancelledV1,
  OrderShippedV1,
  OrderDeliveredV1,
]);
