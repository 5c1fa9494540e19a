import { randomUUID } from 'node:crypto';
import { ensureDatabase } from '@storefront/db-tools';
import type { EventEnvelope } from '@storefront/events';
import { listenForLiveEvents, liveAnnouncer, type EventsBackend } from '../src';
import { eventually, removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';

const envelope = (type: string, n: number): EventEnvelope => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  aggregateId: randomUUID(),
  correlationId: randomUUID(),
  causationId: null,
  payload: { n },
});

describe.each<EventsBackend>(['redis', 'postgres'])('live events with the queues on %s', (backend) => {
  it('reach every listener of their type, in the order announced, and no listener of another type or prefix', async () => {
    const events = testEventsConfig({ backend });
    const other = testEventsConfig({ backend });
    if (backend === 'postgres') await ensureDatabase(events.databaseUrl);
    const heard: string[][] = [[], [], []];
    const listeners = [
      listenForLiveEvents(events, 'ordering.order-changed.v1', (message) => heard[0]!.push(message)),
      listenForLiveEvents(events, 'ordering.order-changed.v1', (message) => heard[1]!.push(message)),
      listenForLiveEvents(other, 'ordering.order-changed.v1', (message) => heard[2]!.push(message)),
    ];
    const announcer = liveAnnouncer(events);
    try {
      await Promise.all(listeners.map((listener) => listener.ready));
      const sent = [1, 2, 3].map((n) => envelope('ordering.order-changed.v1', n));
      await announcer.announce([sent[0]!, envelope('ordering.order-placed.v2', 9), sent[1]!]);
      await announcer.announce([sent[2]!]);
      const ids = (messages: string[]) => messages.map((message) => (JSON.parse(message) as EventEnvelope).id);
      for (const mine of [heard[0]!, heard[1]!]) {
        await eventually(async () => (mine.length >= 3 ? true : undefined), 'three announcements');
        expect(ids(mine)).toEqual(sent.map((sentEnvelope) => sentEnvelope.id));
      }
      expect(heard[2]).toEqual([]);
    } finally {
      await announcer.close();
      await Promise.all(listeners.map((listener) => listener.close()));
      await removeEventKeys(events);
    }
  });
});
