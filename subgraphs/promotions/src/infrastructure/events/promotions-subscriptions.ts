import { defineSubscriptions, OrderCancelledV1, OrderPlacedV2, OrderRejectedV1 } from '@storefront/events';

/** What promotions listens to: orders placed with promotions applied, and orders that will not go ahead. */
export const subscriptions = defineSubscriptions('promotions', [OrderPlacedV2, OrderCancelledV1, OrderRejectedV1]);
