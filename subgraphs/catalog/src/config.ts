import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

export type CatalogConfig = SubgraphConfig & { events: EventsConfig };

/** The catalog's settings, read once from the environment (CATALOG_PORT, CATALOG_DATABASE_URL, REDIS_URL, EVENTS_*). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): CatalogConfig => ({
  ...subgraphConfig(declaration.name, declaration.port, env),
  events: eventsConfig(env),
});
