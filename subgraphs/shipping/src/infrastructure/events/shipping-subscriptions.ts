import { defineSubscriptions, OrderCancelledV1, OrderConfirmedV1, OrderReleasedForDispatchV1, ProductCreatedV1, ProductDiscontinuedV1 } from '@storefront/events';

/** The events shipping listens to; prices are none of its business. */
export const subscriptions = defineSubscriptions('shipping', [ProductCreatedV1, ProductDiscontinuedV1, OrderConfirmedV1, OrderCancelledV1, OrderReleasedForDispatchV1]);
