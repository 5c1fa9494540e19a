import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { OutboxRelay, type EventsConfig } from '../src';
import { eventually, removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { commitEvents, createMessagingDatabases, effectConsumer, effectCounts, type MessagingDatabases } from './messaging-harness';

/**
 * Stopping the machine's shared Redis would disturb everything else running on it, so this test
 * starts a Redis of its own on a free port, stops it, and starts it again on the same port.
 */
let databases: MessagingDatabases;
let events: EventsConfig;
let redis: ChildProcess | undefined;
let port: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: found } = server.address() as { port: number };
      server.close(() => resolve(found));
    });
  });

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  await eventually(async () => {
    const probe = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: 'ignore' });
    return (await new Promise<number | null>((resolve) => probe.once('exit', resolve))) === 0 ? true : undefined;
  }, 'the test Redis to answer');
}

async function stopRedis(): Promise<void> {
  const stopped = new Promise((resolve) => redis!.once('exit', resolve));
  redis!.kill('SIGTERM');
  await stopped;
}

beforeAll(async () => {
  databases = await createMessagingDatabases();
  port = await freePort();
  events = testEventsConfig({ redisUrl: `redis://127.0.0.1:${port}` });
  await startRedis();
});
afterAll(async () => {
  redis?.kill('SIGKILL');
  await databases.drop();
  await removeEventKeys({ ...events, redisUrl: 'redis://127.0.0.1:6379' }).catch(() => undefined);
});

describe('with Redis stopped', () => {
  it('state changes still commit, and once Redis is back every pending event arrives, once', async () => {
    const relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events });
    const consumer = effectConsumer(databases.consumer, events);
    await consumer.start();
    relay.start();
    try {
      await commitEvents(databases, 5);
      await eventually(async () => ((await effectCounts(databases)).effects === 5 ? true : undefined), 'the first events');

      await stopRedis();
      await commitEvents(databases, 20, 4);
      const { rows } = await databases.producer.query('SELECT count(*) FROM outbox WHERE published_at IS NULL');
      expect(Number(rows[0].count)).toBeGreaterThan(0);
      expect((await effectCounts(databases)).effects).toBe(5);

      await startRedis();
      const counts = await eventually(async () => {
        const now = await effectCounts(databases);
        return now.effects >= 25 ? now : undefined;
      }, 'the pending events after Redis returned', 30_000);
      expect(counts).toEqual({ effects: 25, distinct: 25 });
      const unpublished = await databases.producer.query('SELECT count(*) FROM outbox WHERE published_at IS NULL');
      expect(unpublished.rows[0].count).toBe('0');
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });
});

describe('a relay started while Redis is away', () => {
  it('publishes what waited once Redis answers, with one effect each', async () => {
    await stopRedis();
    const before = (await effectCounts(databases)).effects;
    await commitEvents(databases, 10, 5);
    // Both find Redis away: the relay's queues are made while it cannot answer.
    const relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events });
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const consumer = effectConsumer(databases.consumer, events);
    try {
      await startRedis();
      await consumer.start();
      const counts = await eventually(async () => {
        const now = await effectCounts(databases);
        return now.effects >= before + 10 ? now : undefined;
      }, 'the events committed while Redis was away', 30_000);
      expect(counts.effects).toBe(before + 10);
      expect(counts.distinct).toBe(counts.effects);
      const unpublished = await databases.producer.query('SELECT count(*) FROM outbox WHERE published_at IS NULL');
      expect(unpublished.rows[0].count).toBe('0');
    } finally {
      await consumer.stop();
      await relay.stop();
    }
  });
});
