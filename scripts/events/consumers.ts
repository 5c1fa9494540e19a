import type { Subscriptions } from '@storefront/events';
import { inventorySubscriptions } from '../../subgraphs/inventory/src/infrastructure/events/inventory-subscriptions';
import { notificationsSubscriptions } from '../../subgraphs/notifications/src/infrastructure/events/notifications-subscriptions';
import { orderingSubscriptions } from '../../subgraphs/ordering/src/infrastructure/events/ordering-subscriptions';
import { paymentsSubscriptions } from '../../subgraphs/payments/src/infrastructure/events/payments-subscriptions';
import { shippingSubscriptions } from '../../subgraphs/shipping/src/infrastructure/events/shipping-subscriptions';

/** Every consuming context's declared subscriptions: the source of the routing table. */
export const CONSUMER_SUBSCRIPTIONS: readonly Subscriptions[] = [inventorySubscriptions, shippingSubscriptions, paymentsSubscriptions, notificationsSubscriptions, orderingSubscriptions];
