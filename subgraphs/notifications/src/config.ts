import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

export interface NotificationsConfig extends SubgraphConfig {
  events: EventsConfig;
}

/** Notifications' settings, read once from the environment (NOTIFICATIONS_PORT, NOTIFICATIONS_DATABASE_URL, REDIS_URL, EVENTS_*). */
export function loadConfig(env: Record<string, string | undefined> = process.env): NotificationsConfig {
  return { ...subgraphConfig(declaration.name, declaration.port, env), events: eventsConfig(env) };
}
