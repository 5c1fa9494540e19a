import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';
import { PAYMENT_PROVIDERS, type PaymentProviderName } from './infrastructure/provider/payment-provider-factory';
import declaration from '../context.json';

export interface PaymentsConfig extends SubgraphConfig {
  /** Which payment provider authorizes, captures, voids and refunds. */
  provider: PaymentProviderName;
  /** The test provider is down (every call fails, as in an outage) while this file exists. */
  testProviderOutageFile?: string;
  events: EventsConfig;
}

/** Payments' settings, read once from the environment (PAYMENTS_PORT, PAYMENTS_DATABASE_URL, PAYMENTS_PROVIDER, PAYMENTS_TEST_PROVIDER_OUTAGE_FILE, REDIS_URL, EVENTS_*). */
export function loadConfig(env: Record<string, string | undefined> = process.env): PaymentsConfig {
  return {
    ...subgraphConfig(declaration.name, declaration.port, env),
    provider: providerFrom(env.PAYMENTS_PROVIDER),
    ...(env.PAYMENTS_TEST_PROVIDER_OUTAGE_FILE ? { testProviderOutageFile: env.PAYMENTS_TEST_PROVIDER_OUTAGE_FILE } : {}),
    events: eventsConfig(env),
  };
}

function providerFrom(raw: string | undefined): PaymentProviderName {
  if (raw === undefined || raw === '') return 'test';
  const known = PAYMENT_PROVIDERS.find((name) => name === raw);
  if (!known) throw new Error(`PAYMENTS_PROVIDER must be one of ${PAYMENT_PROVIDERS.join(', ')}, got "${raw}"`);
  return known;
}
