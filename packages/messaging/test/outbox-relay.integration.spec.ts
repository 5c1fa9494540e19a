import { appendToOutbox, OutboxRelay, type EventsConfig } from '../src';
import { eventually, removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { commitEvents, createMessagingDatabases, drained, effectConsumer, effectCounts, inTransaction, inventoryQueue, productCreated, type MessagingDatabases } from './messaging-harness';

let databases: MessagingDatabases;
let events: EventsConfig;

beforeEach(async () => {
  databases = await createMessagingDatabases();
  events = testEventsConfig();
});
afterEach(async () => {
  await databases.drop();
  await removeEventKeys(events);
});

const unpublished = async () => Number((await databases.producer.query('SELECT count(*) FROM outbox WHERE published_at IS NULL')).rows[0].count);

describe('the transactional outbox', () => {
  it('holds an event only if the state change commits', async () => {
    await expect(
      inTransaction(databases.producer, async (tx) => {
        await appendToOutbox(tx, [productCreated()]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect((await databases.producer.query('SELECT count(*) FROM outbox')).rows[0].count).toBe('0');

    await commitEvents(databases, 1);
    expect((await databases.producer.query('SELECT count(*) FROM outbox')).rows[0].count).toBe('1');
  });

  it('refuses a payload that breaks its contract before writing anything', async () => {
    const broken = { ...productCreated(), payload: { productId: 'not-a-uuid', sku: '', name: 'x', price: { amount: -1, currency: 'euro' }, version: 0 } };
    await expect(inTransaction(databases.producer, (tx) => appendToOutbox(tx, [broken]))).rejects.toThrow(/productId.*sku.*price\.amount.*price\.currency/s);
  });
});

describe('the relay', () => {
  it('publishes committed rows on notification, one job per event named by its id, and marks them', async () => {
    const relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events, pollIntervalMs: 60_000 });
    const queue = inventoryQueue(events);
    try {
      relay.start();
      // With a one-minute poll, only the insert trigger's NOTIFY can wake the relay in time.
      const ids = await commitEvents(databases, 5);
      await eventually(async () => ((await unpublished()) === 0 ? true : undefined), 'the rows to be marked published', 10_000);
      const jobIds = (await queue.getJobs(['waiting'])).map((job) => job.id);
      expect(jobIds.sort()).toEqual([...ids].sort());
    } finally {
      await relay.stop();
      await queue.close();
    }
  });

  it('publishes again under the same ids after dying between publishing and marking, with one effect each', async () => {
    const ids = await commitEvents(databases, 20, 5);
    const relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events });
    const consumer = effectConsumer(databases.consumer, events);
    const queue = inventoryQueue(events);
    await consumer.start();
    try {
      // The relay's own publish, inside a claim that is then lost, as when the process dies before COMMIT.
      await inTransaction(databases.producer, async (_tx, client) => {
        const { rows } = await client.query('SELECT id, type, aggregate_id, occurred_at, correlation_id, causation_id, payload FROM outbox FOR UPDATE');
        await relay.publish(
          rows.map((row) => ({ id: row.id, type: row.type, aggregateId: row.aggregate_id, occurredAt: row.occurred_at.toISOString(), correlationId: row.correlation_id, causationId: row.causation_id, payload: row.payload })),
        );
        throw new Error('relay died before marking');
      }).catch(() => undefined);
      await eventually(async () => ((await effectCounts(databases)).effects === 20 ? true : undefined), 'the first delivery');
      expect(await unpublished()).toBe(20);

      await eventually(() => drained(queue, 20), 'the first jobs to complete');
      // BullMQ forgets completed jobs (here at once), so the second publication enqueues them anew.
      await queue.clean(0, 1_000, 'completed');
      await relay.relayBatch();
      expect(await unpublished()).toBe(0);
      await eventually(() => drained(queue, 20), 'the republished jobs to complete');
      expect(await effectCounts(databases)).toEqual({ effects: 20, distinct: 20 });
      const handled = (await databases.consumer.query('SELECT event_id FROM inbox ORDER BY event_id')).rows.map((row) => row.event_id);
      expect(handled).toEqual([...ids].sort());
    } finally {
      await consumer.stop();
      await relay.stop();
      await queue.close();
    }
  });

  it('shares the work between relays running at once: every row is claimed by exactly one', async () => {
    await commitEvents(databases, 300, 50);
    const relays = Array.from({ length: 3 }, () => new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events, batchSize: 20 }));
    try {
      const drain = async (relay: OutboxRelay) => {
        let moved = 0;
        for (let batch = await relay.relayBatch(); batch > 0; batch = await relay.relayBatch()) moved += batch;
        return moved;
      };
      const moved = await Promise.all(relays.map(drain));
      expect(moved.reduce((sum, n) => sum + n, 0)).toBe(300);
      expect(await unpublished()).toBe(0);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
  });
});
