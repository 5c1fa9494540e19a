import { shippingQuoteSecret } from '@storefront/events';
import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import type { SagaDeadlines } from './domain/order-deadlines';
import declaration from '../context.json';

/**
 * `shippingQuoteSecret`: what shipping signs its quotes with, for checkout to verify them (SHIPPING_QUOTE_SECRET).
 * `sagaDeadlines`: how long an order may wait in each waiting status; `deadlineSweepMs`: how often overdue orders are looked for.
 */
export type OrderingConfig = SubgraphConfig & { events: EventsConfig; shippingQuoteSecret: string; sagaDeadlines: SagaDeadlines; deadlineSweepMs: number };

type Env = Record<string, string | undefined>;

/** Seconds (fractions allowed) in milliseconds; a value that is not a positive number is refused by name. */
function seconds(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback * 1000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return Math.round(value * 1000);
}

/**
 * Ordering's settings, read once from the environment (ORDERING_PORT, ORDERING_DATABASE_URL, REDIS_URL, EVENTS_*,
 * SHIPPING_QUOTE_SECRET, ORDER_DEADLINE_PLACED_SECONDS, ORDER_DEADLINE_AWAITING_PAYMENT_SECONDS,
 * ORDER_DEADLINE_AWAITING_PROMOTIONS_SECONDS, ORDER_DEADLINE_SWEEP_SECONDS).
 */
export const loadConfig = (env: Env = process.env): OrderingConfig => ({
  ...subgraphConfig(declaration.name, declaration.port, env),
  events: eventsConfig(env),
  shippingQuoteSecret: shippingQuoteSecret(env),
  sagaDeadlines: {
    PLACED: seconds(env, 'ORDER_DEADLINE_PLACED_SECONDS', 15 * 60),
    AWAITING_PAYMENT: seconds(env, 'ORDER_DEADLINE_AWAITING_PAYMENT_SECONDS', 30 * 60),
    AWAITING_PROMOTIONS: seconds(env, 'ORDER_DEADLINE_AWAITING_PROMOTIONS_SECONDS', 15 * 60),
  },
  deadlineSweepMs: seconds(env, 'ORDER_DEADLINE_SWEEP_SECONDS', 5),
});
