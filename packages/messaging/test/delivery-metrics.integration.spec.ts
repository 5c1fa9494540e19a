import { metricsRegistry } from '@storefront/platform';
import { type EventsConfig } from '../src';
import { watchDelivery } from '../src/telemetry/delivery-metrics';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { commitEvents, createMessagingDatabases, inventoryQueue, productCreated, type MessagingDatabases } from './messaging-harness';

/** What a scrape of this process's /metrics says about one gauge's series with these labels. */
async function gauge(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = metricsRegistry.getSingleMetric(name);
  const { values } = await metric!.get();
  return values.find((value) => Object.entries(labels).every(([label, wanted]) => value.labels[label] === wanted))?.value;
}

let databases: MessagingDatabases;
let events: EventsConfig;
let unwatch: () => Promise<void>;

beforeAll(async () => {
  databases = await createMessagingDatabases();
  events = testEventsConfig();
  // The producer's outbox and the consumer's queue, as one process that does both would watch them.
  unwatch = watchDelivery({ context: 'inventory', databaseUrl: databases.producerUrl, events, outbox: true, queue: true });
});

afterAll(async () => {
  await unwatch();
  await databases.drop();
  await removeEventKeys(events);
});

describe('the delivery gauges, read when scraped', () => {
  it('count the unpublished outbox rows and the age of the oldest', async () => {
    expect(await gauge('outbox_backlog', { context: 'inventory' })).toBe(0);
    expect(await gauge('outbox_oldest_unpublished_age_seconds', { context: 'inventory' })).toBe(0);
    await commitEvents(databases, 3);
    await databases.producer.query(`UPDATE outbox SET occurred_at = now() - interval '90 seconds' WHERE position = (SELECT min(position) FROM outbox)`);
    expect(await gauge('outbox_backlog', { context: 'inventory' })).toBe(3);
    expect(await gauge('outbox_oldest_unpublished_age_seconds', { context: 'inventory' })).toBeGreaterThanOrEqual(90);
  });

  it('count the queue’s jobs by state', async () => {
    const queue = inventoryQueue(events);
    try {
      const event = productCreated();
      await queue.add(event.contract.name, { id: 'waiting-1' }, { jobId: 'waiting-1' });
      await queue.add(event.contract.name, { id: 'delayed-1' }, { jobId: 'delayed-1', delay: 60_000 });
      expect(await gauge('queue_jobs', { queue: 'inventory', state: 'waiting' })).toBe(1);
      expect(await gauge('queue_jobs', { queue: 'inventory', state: 'delayed' })).toBe(1);
      expect(await gauge('queue_jobs', { queue: 'inventory', state: 'failed' })).toBe(0);
    } finally {
      await queue.close();
    }
  });
});
