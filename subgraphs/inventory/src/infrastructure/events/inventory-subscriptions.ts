import { defineSubscriptions, ProductCreatedV1, ProductDiscontinuedV1 } from '@storefront/events';

/** The events inventory listens to. */
export const inventorySubscriptions = defineSubscriptions('inventory', [ProductCreatedV1, ProductDiscontinuedV1]);
