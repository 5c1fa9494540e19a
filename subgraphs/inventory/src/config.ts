import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

export type InventoryConfig = SubgraphConfig & { events: EventsConfig };

/** Inventory's settings, read once from the environment (INVENTORY_PORT, INVENTORY_DATABASE_URL, REDIS_URL, EVENTS_*). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): InventoryConfig => ({
  ...subgraphConfig(declaration.name, declaration.port, env),
  events: eventsConfig(env),
});
