import { ProductNotYetLearnedError } from '@storefront/kernel';
import { listFailedEvents, toEnvelope, type EventsConfig } from '../src';
import { eventually, removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { createMessagingDatabases, drained, effectConsumer, effectCounts, inventoryQueue, productCreated, type MessagingDatabases } from './messaging-harness';

let databases: MessagingDatabases;
let events: EventsConfig | undefined;

beforeEach(async () => {
  databases = await createMessagingDatabases();
});
afterEach(async () => {
  await databases.drop();
  if (events) await removeEventKeys(events);
});

/** Three attempts 20 ms apart: a retry budget of 60 ms, which a not-yet event outlasts many times over. */
const ATTEMPTS = 3;

/** A consumer whose handler answers "not yet" (as a context does for a product it has not learned of) until `arrived()`. */
function waitingConsumer(config: EventsConfig) {
  let arrived = false;
  let notYet = 0;
  const consumer = effectConsumer(databases.consumer, config, async () => {
    if (arrived) return;
    notYet += 1;
    throw new ProductNotYetLearnedError('Inventory', 'the product of the event');
  });
  return { consumer, notYetAnswers: () => notYet, arrive: () => (arrived = true) };
}

describe('an event that arrives before what it waits for', () => {
  it('waits far longer than its retry budget without using an attempt, and is handled exactly once when that arrives', async () => {
    events = testEventsConfig({ attempts: ATTEMPTS, backoffMs: 20 });
    const { consumer, notYetAnswers, arrive } = waitingConsumer(events);
    const queue = inventoryQueue(events);
    await consumer.start();
    try {
      const envelope = toEnvelope(productCreated());
      await queue.add(envelope.type, envelope, { jobId: envelope.id, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 20 } });
      // Twice as many "not yet" answers as it has attempts: each of them would have been a failed attempt.
      await eventually(async () => (notYetAnswers() >= 2 * ATTEMPTS ? true : undefined), 'the event to be told "not yet" again and again');
      const waiting = await queue.getJob(envelope.id);
      expect(waiting?.attemptsMade).toBe(0);
      expect(await listFailedEvents(events, ['inventory'])).toEqual([]);

      arrive();
      await eventually(() => drained(queue, 1), 'the event to be handled once what it waited for arrived');
      expect(await effectCounts(databases)).toEqual({ effects: 1, distinct: 1 });
      const handled = await queue.getJob(envelope.id);
      // The one delivery that handled it is its only attempt; every "not yet" before it was a start only.
      expect(handled?.attemptsMade).toBe(1);
      expect(handled?.attemptsStarted).toBeGreaterThan(2 * ATTEMPTS);
      expect(await listFailedEvents(events, ['inventory'])).toEqual([]);
    } finally {
      await consumer.stop();
      await queue.close();
    }
  });

  it('waits no longer than the wait limit: then it uses its attempts and lands in the failed set, unhandled', async () => {
    events = testEventsConfig({ attempts: ATTEMPTS, backoffMs: 20, notYetWaitMs: 500 });
    const { consumer, notYetAnswers } = waitingConsumer(events);
    const queue = inventoryQueue(events);
    await consumer.start();
    try {
      const envelope = toEnvelope(productCreated());
      await queue.add(envelope.type, envelope, { jobId: envelope.id, attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 20 } });
      const failed = await eventually(async () => (await listFailedEvents(events!, ['inventory'])).find((event) => event.eventId === envelope.id), 'the event in the failed set');
      expect(failed).toMatchObject({ attempts: ATTEMPTS, lastError: 'Inventory has not learned of product the product of the event yet' });
      // Waited first (more answers than attempts), then failed its attempts.
      expect(notYetAnswers()).toBeGreaterThan(ATTEMPTS);
      expect(await effectCounts(databases)).toEqual({ effects: 0, distinct: 0 });
    } finally {
      await consumer.stop();
      await queue.close();
    }
  });
});
