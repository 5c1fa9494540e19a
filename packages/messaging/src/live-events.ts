import { Client } from 'pg';
import type { EventEnvelope } from '@storefront/events';
import { connectRedisClient, type RedisClient } from '@storefront/platform';
import { queueSchema, type EventsConfig } from './events-config';

/**
 * The Redis pub/sub channel a live event type is announced on, under the event bus's own prefix
 * (so two systems sharing one Redis do not hear each other). Pub/sub channels ignore key hash tags
 * and Redis Cluster forwards them to every node.
 */
export function liveEventsChannel(prefix: string, type: string): string {
  return `${prefix}:live:${type}`;
}

/**
 * The PostgreSQL NOTIFY channel of live events with the queues on PostgreSQL: one per prefix (the
 * queues' schema name, `<schema>_live`), the event's type inside the payload.
 */
export function liveEventsNotifyChannel(events: Pick<EventsConfig, 'prefix'>): string {
  return `${queueSchema(events)}_live`.slice(0, 63);
}

/** Publishes live events, in order, where the queues live: Redis pub/sub, or NOTIFY in the queues' database. */
export interface LiveAnnouncer {
  announce(envelopes: readonly EventEnvelope[]): Promise<void>;
  close(): Promise<void>;
}

export function liveAnnouncer(events: EventsConfig): LiveAnnouncer {
  if (events.backend === 'postgres') {
    let client: Client | null = null;
    const connected = async () => {
      if (client) return client;
      const fresh = new Client({ connectionString: events.databaseUrl, connectionTimeoutMillis: 3_000 });
      fresh.on('error', () => {
        if (client === fresh) client = null;
      });
      await fresh.connect();
      client = fresh;
      return fresh;
    };
    return {
      async announce(envelopes) {
        const channel = liveEventsNotifyChannel(events);
        const db = await connected();
        for (const envelope of envelopes) await db.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(envelope)]);
      },
      async close() {
        await client?.end().catch(() => undefined);
      },
    };
  }
  // Fails fast while Redis is down, so that the relay leaves its rows in the outbox and tries again.
  const redis = connectRedisClient(events.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (times) => Math.min(times * 100, 2_000) });
  redis.on('error', () => undefined);
  return {
    async announce(envelopes) {
      // A connection still being made (the first announce after start, or after a reconnect) gets a
      // moment to become ready; one that stays down fails fast below.
      await readyOrTimeout(redis, 1_000);
      // One PUBLISH per live event, in outbox order, in one round trip.
      const pipeline = redis.pipeline();
      for (const envelope of envelopes) pipeline.publish(liveEventsChannel(events.prefix, envelope.type), JSON.stringify(envelope));
      const replies = (await pipeline.exec()) ?? [];
      const failure = replies.find(([error]) => error)?.[0];
      if (failure) throw failure;
    },
    async close() {
      redis.disconnect();
    },
  };
}

function readyOrTimeout(redis: RedisClient, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
}

/**
 * Hears the live events of one type, from any number of publishers, for as long as it is open:
 * one Redis subscriber connection, or one PostgreSQL connection LISTENing, that waits out an
 * outage and listens again when its store is back. `onMessage` gets each envelope as JSON text.
 */
export function listenForLiveEvents(events: EventsConfig, type: string, onMessage: (message: string) => void): { ready: Promise<void>; close(): Promise<void> } {
  if (events.backend === 'postgres') return listenOnPostgres(events, type, onMessage);
  const redis: RedisClient = connectRedisClient(events.redisUrl, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 100, 2_000) });
  redis.on('error', () => undefined);
  redis.on('message', (_channel: string, message: string) => onMessage(message));
  const ready = redis.subscribe(liveEventsChannel(events.prefix, type)).then(() => undefined);
  return { ready, close: async () => redis.disconnect() };
}

function listenOnPostgres(events: EventsConfig, type: string, onMessage: (message: string) => void): { ready: Promise<void>; close(): Promise<void> } {
  const channel = liveEventsNotifyChannel(events);
  let closed = false;
  let client: Client | null = null;
  const typeOf = (message: string) => {
    try {
      return (JSON.parse(message) as { type?: unknown }).type;
    } catch {
      return undefined;
    }
  };
  const connect = async (): Promise<void> => {
    const fresh = new Client({ connectionString: events.databaseUrl });
    fresh.on('notification', ({ payload }) => {
      if (payload !== undefined && typeOf(payload) === type) onMessage(payload);
    });
    fresh.on('error', () => {
      if (client !== fresh) return;
      client = null;
      fresh.end().catch(() => undefined);
      if (!closed) setTimeout(() => void retry(), 500);
    });
    await fresh.connect();
    await fresh.query(`LISTEN "${channel}"`);
    client = fresh;
  };
  const retry = async (): Promise<void> => {
    while (!closed && !client) {
      try {
        await connect();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
  return {
    ready: retry(),
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
