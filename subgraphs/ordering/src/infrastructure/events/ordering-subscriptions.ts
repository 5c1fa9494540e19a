import {
  defineSubscriptions,
  PaymentAuthorizedV1,
  PaymentFailedV1,
  ProductCreatedV1,
  ProductDiscontinuedV1,
  ProductPriceChangedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  StockReservationFailedV1,
  StockReservedV1,
} from '@storefront/events';

/** The events ordering listens to: the catalog's prices, and the saga's answers to its orders. */
export const subscriptions = defineSubscriptions('ordering', [
  ProductCreatedV1,
  ProductPriceChangedV1,
  ProductDiscontinuedV1,
  StockReservedV1,
  StockReservationFailedV1,
  PaymentAuthorizedV1,
  PaymentFailedV1,
  ShipmentDispatchedV1,
  ShipmentDeliveredV1,
]);
