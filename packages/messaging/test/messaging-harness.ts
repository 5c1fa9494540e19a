import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { Queue } from 'bullmq';
import { defineSubscriptions, ProductCreatedV1 } from '@storefront/events';
import { EventConsumer, on, appendToOutbox, openQueueTransport, queuePrefix, type AnyQueue, type EventsConfig, type SqlExecutor, type OutgoingEvent } from '../src';
import { scratchDatabase } from '../../../test/support/scratch-subgraph';

/** A pg client seen through the one method the outbox and inbox need. */
export const sqlOf = (client: PoolClient): SqlExecutor => ({
  $executeRawUnsafe: async (query, ...values) => (await client.query(query, values)).rowCount ?? 0,
});

export async function inTransaction<T>(pool: Pool, work: (tx: SqlExecutor, client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(sqlOf(client), client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Two real databases: the catalog's (the producer, with its outbox and NOTIFY trigger) and
 * inventory's (the consumer, with its inbox), plus an `effects` table the test handler writes one
 * row to per handled event, without any uniqueness, so a second effect would show as a second row.
 */
export interface MessagingDatabases {
  producerUrl: string;
  consumerUrl: string;
  producer: Pool;
  consumer: Pool;
  drop(): Promise<void>;
}

export async function createMessagingDatabases(): Promise<MessagingDatabases> {
  const [producerDb, consumerDb] = await Promise.all([scratchDatabase('catalog', 'msg'), scratchDatabase('inventory', 'msg')]);
  const producerUrl = producerDb.url;
  const consumerUrl = consumerDb.url;
  const producer = new Pool({ connectionString: producerUrl, max: 4 });
  const consumer = new Pool({ connectionString: consumerUrl, max: 12 });
  for (const pool of [producer, consumer]) pool.on('error', () => undefined);
  await consumer.query('CREATE TABLE effects (event_id uuid NOT NULL, product_id uuid NOT NULL, handled_at timestamptz NOT NULL DEFAULT clock_timestamp())');
  return {
    producerUrl,
    consumerUrl,
    producer,
    consumer,
    async drop() {
      await Promise.all([producer.end(), consumer.end()]);
      await Promise.all([producerDb.drop(), consumerDb.drop()]);
    },
  };
}

export const productCreated = (productId: string = randomUUID()): OutgoingEvent => ({
  contract: ProductCreatedV1,
  aggregateId: productId,
  occurredAt: new Date(),
  payload: { productId, sku: `SKU-${productId.slice(0, 8)}`, name: 'Test product', price: { amount: 1000, currency: 'EUR' }, version: 0 },
});

/** Commits `count` product-created events to the producer's outbox, `perTransaction` at a time. */
export async function commitEvents(databases: MessagingDatabases, count: number, perTransaction = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let done = 0; done < count; done += perTransaction) {
    const batch = Array.from({ length: Math.min(perTransaction, count - done) }, () => productCreated());
    const envelopes = await inTransaction(databases.producer, (tx) => appendToOutbox(tx, batch));
    ids.push(...envelopes.map((envelope) => envelope.id));
  }
  return ids;
}

export async function effectCounts(databases: MessagingDatabases): Promise<{ effects: number; distinct: number }> {
  const { rows } = await databases.consumer.query<{ effects: string; distinct: string }>(
    'SELECT count(*) AS effects, count(DISTINCT event_id) AS distinct FROM effects',
  );
  return { effects: Number(rows[0]!.effects), distinct: Number(rows[0]!.distinct) };
}

export const testSubscriptions = defineSubscriptions('inventory', [ProductCreatedV1]);

/** A consumer of inventory's queue whose effect is one row in `effects`; `before` runs first inside the transaction. */
export function effectConsumer(consumer: Pool, events: EventsConfig, before?: (eventId: string) => Promise<void>): EventConsumer<SqlExecutor> {
  return new EventConsumer<SqlExecutor>({
    subscriptions: testSubscriptions,
    handlers: [
      on(ProductCreatedV1, async (event, tx: SqlExecutor) => {
        await before?.(event.id);
        await tx.$executeRawUnsafe('INSERT INTO effects (event_id, product_id) VALUES ($1::uuid, $2::uuid)', event.id, event.payload.productId);
      }),
    ],
    transaction: (work) => inTransaction(consumer, (tx) => work(tx)),
    events,
  });
}

/** Inventory's queue under the test's prefix, for looking inside. */
export function inventoryQueue(events: EventsConfig): AnyQueue {
  // A PostgreSQL queue owns its pool, and close() ends it.
  if (events.backend === 'postgres') return openQueueTransport(events, 'publisher').queue('inventory');
  const url = new URL(events.redisUrl);
  // Given options rather than a connection, the queue owns its connection and close() ends it.
  return new Queue('inventory', { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix: queuePrefix(events, 'inventory') });
}

/** Whether nothing is waiting, delayed or running, and `completed` jobs have finished. */
export async function drained(queue: AnyQueue, completed: number): Promise<true | undefined> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed');
  const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
  return pending === 0 && counts.completed === completed ? true : undefined;
}
