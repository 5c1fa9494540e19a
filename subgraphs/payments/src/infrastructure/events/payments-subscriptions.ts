import { defineSubscriptions, OrderCancelledV1, OrderPlacedV2, OrderRejectedV1, ShipmentDispatchedV1, StockReservedV1 } from '@storefront/events';

/** The events payments listens to: the order's saga, from the order placed to the parcel dispatched. */
export const subscriptions = defineSubscriptions('payments', [OrderPlacedV2, StockReservedV1, OrderCancelledV1, OrderRejectedV1, ShipmentDispatchedV1]);
