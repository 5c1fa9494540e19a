import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

export type OrderingConfig = SubgraphConfig & { events: EventsConfig };

/** Ordering's settings, read once from the environment (ORDERING_PORT, ORDERING_DATABASE_URL, REDIS_URL, EVENTS_*). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): OrderingConfig => ({
  ...subgraphConfig(declaration.name, declaration.port, env),
  events: eventsConfig(env),
});
