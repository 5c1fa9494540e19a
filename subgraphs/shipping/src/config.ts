import { shippingQuoteSecret } from '@storefront/events';
import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import declaration from '../context.json';

export interface ShippingConfig extends SubgraphConfig {
  /** How long the rate table is served from memory before it is read again. */
  rateTableTtlMs: number;
  /** What shipping options are signed with; ordering verifies them with the same secret. */
  quoteSecret: string;
  events: EventsConfig;
}

const DEFAULT_RATE_TABLE_TTL_MS = 30_000;

/** Shipping's settings, read once from the environment (SHIPPING_PORT, SHIPPING_DATABASE_URL, SHIPPING_RATE_TABLE_TTL_MS, SHIPPING_QUOTE_SECRET, REDIS_URL, EVENTS_*). */
export function loadConfig(env: Record<string, string | undefined> = process.env): ShippingConfig {
  return {
    ...subgraphConfig(declaration.name, declaration.port, env),
    rateTableTtlMs: durationFrom(env, 'SHIPPING_RATE_TABLE_TTL_MS', DEFAULT_RATE_TABLE_TTL_MS),
    quoteSecret: shippingQuoteSecret(env),
    events: eventsConfig(env),
  };
}

function durationFrom(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`${name} must be a whole number of milliseconds, got "${raw}"`);
  return ms;
}
