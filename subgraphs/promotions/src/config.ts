import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

export interface PromotionsConfig extends SubgraphConfig {
  events: EventsConfig;
}

/** promotions's settings, read once from the environment (PROMOTIONS_PORT, PROMOTIONS_DATABASE_URL, REDIS_URL, EVENTS_*). */
export function loadConfig(env: Record<string, string | undefined> = process.env): PromotionsConfig {
  return { ...subgraphConfig(declaration.name, declaration.port, env), events: eventsConfig(env) };
}
