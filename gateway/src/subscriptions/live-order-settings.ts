import { eventsConfig, type EventsConfig } from '@storefront/messaging';
import { flagFrom, integerFrom } from '../edge-settings';

type Env = Record<string, string | undefined>;

/** Where the gateway hears of order changes, and how much one subscriber may hold (README, "Live order updates"). */
export interface LiveOrderSettings {
  /** The event bus (REDIS_URL or EVENTS_BACKEND=postgres, EVENTS_PREFIX): ordering announces changes where its queues live. */
  events: EventsConfig;
  /** Open subscriptions on one WebSocket connection. */
  maxPerConnection: number;
  /** Open subscriptions of one caller (a token's subject, or an address when anonymous) on one gateway instance. */
  maxPerCaller: number;
  /** Changes waiting to be sent to one subscription; a subscriber that lets more pile up is dropped. */
  maxPendingChanges: number;
  /** Bytes waiting in a connection's send buffer; a subscriber that does not read past this is dropped. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIVE_ORDER_LIMITS = { maxPerConnection: 10, maxPerCaller: 20, maxPendingChanges: 32, maxBufferedBytes: 1024 * 1024 } as const;

/** `SUBSCRIPTIONS=false` turns live updates off (no WebSocket, no event stream, no Redis connection). */
export function liveOrderSettingsFrom(env: Env): LiveOrderSettings | undefined {
  if (!flagFrom(env, 'SUBSCRIPTIONS', true)) return undefined;
  const d = DEFAULT_LIVE_ORDER_LIMITS;
  return {
    events: eventsConfig(env),
    maxPerConnection: integerFrom(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', d.maxPerConnection, 1),
    maxPerCaller: integerFrom(env, 'MAX_SUBSCRIPTIONS_PER_CALLER', d.maxPerCaller, 1),
    maxPendingChanges: integerFrom(env, 'MAX_PENDING_CHANGES_PER_SUBSCRIPTION', d.maxPendingChanges, 1),
    maxBufferedBytes: integerFrom(env, 'MAX_SUBSCRIBER_BUFFER_BYTES', d.maxBufferedBytes, 1024),
  };
}
