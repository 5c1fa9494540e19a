import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';

export type CatalogConfig = SubgraphConfig & { events: EventsConfig };

/** The catalog's settings, read once from the environment (CATALOG_PORT, CATALOG_DATABASE_URL, REDIS_URL, EVENTS_*). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): CatalogConfig => ({
  ...subgraphConfig('catalog', 4001, env),
  events: eventsConfig(env),
});
