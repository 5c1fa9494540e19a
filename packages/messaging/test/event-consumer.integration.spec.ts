import { randomUUID } from 'node:crypto';
import { listFailedEvents, OutboxRelay, retryFailedEvents, toEnvelope, type EventsConfig } from '../src';
import { eventually, removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { commitEvents, createMessagingDatabases, drained, effectConsumer, effectCounts, inventoryQueue, productCreated, type MessagingDatabases } from './messaging-harness';

let databases: MessagingDatabases;
let events: EventsConfig;

beforeEach(async () => {
  databases = await createMessagingDatabases();
  events = testEventsConfig({ attempts: 3, backoffMs: 20 });
});
afterEach(async () => {
  await databases.drop();
  await removeEventKeys(events);
});

const effectsOf = async (eventId: string) => Number((await databases.consumer.query('SELECT count(*) FROM effects WHERE event_id = $1', [eventId])).rows[0].count);
const jobOptions = { attempts: 3, backoff: { type: 'exponential', delay: 20 } };

describe('the inbox', () => {
  it('gives the same event one effect however often it is delivered, even after BullMQ forgot the job', async () => {
    const consumer = effectConsumer(databases.consumer, events);
    const envelope = toEnvelope(productCreated());
    expect(await consumer.handle(envelope)).toBe('handled');
    expect(await consumer.handle(envelope)).toBe('duplicate');
    expect(await Promise.all([consumer.handle(envelope), consumer.handle(envelope)])).toEqual(['duplicate', 'duplicate']);

    const queue = inventoryQueue(events);
    await consumer.start();
    try {
      // A job completed and trimmed is accepted again under the same id: the inbox still knows it.
      await queue.add(envelope.type, envelope, { jobId: envelope.id });
      await eventually(() => drained(queue, 1), 'the redelivery');
      expect(await effectsOf(envelope.id)).toBe(1);
    } finally {
      await consumer.stop();
      await queue.close();
    }
  });
});

describe('failures', () => {
  it('sends an invalid payload straight to the failed set with its reason, while later events keep flowing', async () => {
    const consumer = effectConsumer(databases.consumer, events);
    const queue = inventoryQueue(events);
    await consumer.start();
    try {
      const bad = { ...toEnvelope(productCreated()), payload: { productId: 'not-a-uuid', sku: 'X' } };
      await queue.add(bad.type, bad, { jobId: bad.id, ...jobOptions });
      const good = toEnvelope(productCreated());
      await queue.add(good.type, good, { jobId: good.id, ...jobOptions });

      const [failed] = await eventually(async () => {
        const list = await listFailedEvents(events, ['inventory']);
        return list.length > 0 ? list : undefined;
      }, 'the invalid event in the failed set');
      expect(failed).toMatchObject({ queue: 'inventory', type: 'catalog.product-created.v1', eventId: bad.id, attempts: 1 });
      expect(failed!.lastError).toMatch(/invalid catalog.product-created.v1 payload: productId: .*name: .*price/);
      await eventually(async () => ((await effectsOf(good.id)) === 1 ? true : undefined), 'the valid event after it');
    } finally {
      await consumer.stop();
      await queue.close();
    }
  });

  it('retries a transient failure with backoff, keeps what still fails visible, and re-drives it on demand', async () => {
    let failuresLeft = 4;
    const consumer = effectConsumer(databases.consumer, events, async () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('connection reset by peer');
      }
    });
    const relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events });
    await consumer.start();
    relay.start();
    try {
      // Two failures, then success on the third and last attempt.
      const [first] = await commitEvents(databases, 1);
      failuresLeft = 2;
      await eventually(async () => ((await effectsOf(first!)) === 1 ? true : undefined), 'the third attempt to succeed');

      // Three failures use up every attempt: the event waits in the failed set, with its last error.
      failuresLeft = 3;
      const [second] = await commitEvents(databases, 1);
      const failed = await eventually(async () => (await listFailedEvents(events, ['inventory'])).find((event) => event.eventId === second), 'the failed set');
      expect(failed).toMatchObject({ attempts: 3, lastError: 'connection reset by peer' });
      expect(await effectsOf(second!)).toBe(0);

      expect(await retryFailedEvents(events, { eventId: randomUUID() }, ['inventory'])).toBe(0);
      expect(await retryFailedEvents(events, { eventId: second! }, ['inventory'])).toBe(1);
      await eventually(async () => ((await effectsOf(second!)) === 1 ? true : undefined), 'the re-driven event');
      expect(await listFailedEvents(events, ['inventory'])).toEqual([]);
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });
});

describe('a burst', () => {
  it('delivers 1,000 events with exactly one effect each', async () => {
    const relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events });
    const consumers = [effectConsumer(databases.consumer, events), effectConsumer(databases.consumer, events)];
    await Promise.all(consumers.map((consumer) => consumer.start()));
    relay.start();
    try {
      await commitEvents(databases, 1_000, 25);
      const counts = await eventually(async () => {
        const now = await effectCounts(databases);
        return now.effects >= 1_000 ? now : undefined;
      }, '1,000 effects', 60_000);
      expect(counts).toEqual({ effects: 1_000, distinct: 1_000 });
      expect(await listFailedEvents(events, ['inventory'])).toEqual([]);
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
    }
  });
});
