import { shippingQuoteSecret } from '@storefront/events';
import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

/** `shippingQuoteSecret`: what shipping signs its quotes with, for checkout to verify them (SHIPPING_QUOTE_SECRET). */
export type OrderingConfig = SubgraphConfig & { events: EventsConfig; shippingQuoteSecret: string };

/** Ordering's settings, read once from the environment (ORDERING_PORT, ORDERING_DATABASE_URL, REDIS_URL, EVENTS_*, SHIPPING_QUOTE_SECRET). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): OrderingConfig => ({
  ...subgraphConfig(declaration.name, declaration.port, env),
  events: eventsConfig(env),
  shippingQuoteSecret: shippingQuoteSecret(env),
});
