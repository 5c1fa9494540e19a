import type { Subscriptions } from '@storefront/events';
import { inventorySubscriptions } from '../../subgraphs/inventory/src/infrastructure/events/inventory-subscriptions';

/** Every consuming context's declared subscriptions: the source of the routing table. */
export const CONSUMER_SUBSCRIPTIONS: readonly Subscriptions[] = [inventorySubscriptions];
