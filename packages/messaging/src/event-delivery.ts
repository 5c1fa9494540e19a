import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import type { EventsConfig } from './events-config';
import { OutboxRelay } from './outbox-relay';
import type { SqlExecutor } from './outbox';
import { watchDelivery } from './telemetry/delivery-metrics';

export interface EventDeliveryOptions<Tx extends SqlExecutor> {
  context: string;
  databaseUrl: string;
  events: EventsConfig;
  /** Whether the context writes to an outbox that needs relaying. */
  publishes: boolean;
  /** The context's subscriptions and handlers, if it consumes anything. */
  consumes?: Omit<EventConsumerOptions<Tx>, 'events'>;
}

export interface EventDelivery {
  relay: OutboxRelay | null;
  consumer: EventConsumer<SqlExecutor> | null;
  /** Stops taking new work; jobs in flight finish first. */
  stop(): Promise<void>;
}

/** Starts a context's side of the event bus: its outbox relay and its queue's consumer. */
export async function startEventDelivery<Tx extends SqlExecutor>(options: EventDeliveryOptions<Tx>): Promise<EventDelivery> {
  const relay = options.publishes ? new OutboxRelay({ context: options.context, databaseUrl: options.databaseUrl, events: options.events }) : null;
  const consumer = options.consumes ? new EventConsumer<Tx>({ ...options.consumes, events: options.events }) : null;
  relay?.start();
  await consumer?.start();
  const unwatch = watchDelivery({ context: options.context, databaseUrl: options.databaseUrl, events: options.events, outbox: options.publishes, queue: consumer !== null });
  return {
    relay,
    consumer: consumer as EventConsumer<SqlExecutor> | null,
    async stop() {
      await Promise.all([consumer?.stop(), relay?.stop()]);
      await unwatch();
    },
  };
}

/** A running subgraph with its side of the event bus: stopping it stops the events first (jobs in flight finish), then the server. */
export function withEventDelivery<S extends { stop(): Promise<void> }>(server: S, events: EventDelivery): S & { events: EventDelivery } {
  return {
    ...server,
    events,
    async stop() {
      await events.stop();
      await server.stop();
    },
  };
}
