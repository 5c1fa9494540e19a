import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { toEnvelope, type EventsConfig } from '../src';
import { eventually, removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { createMessagingDatabases, drained, effectConsumer, effectCounts, inventoryQueue, productCreated, type MessagingDatabases } from './messaging-harness';

let databases: MessagingDatabases;
let events: EventsConfig;
let child: ChildProcess | undefined;

beforeEach(async () => {
  databases = await createMessagingDatabases();
  // A short lock, so the killed worker's job is found stalled within a second or two.
  events = testEventsConfig({ lockDurationMs: 1_000 });
});
afterEach(async () => {
  child?.kill('SIGKILL');
  await databases.drop();
  await removeEventKeys(events);
});

/** Starts the stalling consumer as a real process and resolves once it is taking jobs; collects its output. */
function startStallingConsumer(): Promise<{ output: () => string }> {
  // node itself, with tsx as a loader: the tsx CLI would run the worker in a grandchild that SIGKILL never reaches.
  child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures/stalling-consumer.ts')], {
    cwd: path.resolve(__dirname, '../../..'),
    env: { ...process.env, CONSUMER_URL: databases.consumerUrl, REDIS_URL: events.redisUrl, EVENTS_BACKEND: events.backend, EVENTS_DATABASE_URL: events.databaseUrl, EVENTS_PREFIX: events.prefix, EVENTS_LOCK_DURATION_MS: '1000', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return eventually(async () => (output.includes('ready') ? { output: () => output } : undefined), 'the worker process to start', 30_000);
}

describe('a worker killed mid-job', () => {
  it('leaves the job to another worker, which completes it with one effect', async () => {
    const worker = await startStallingConsumer();
    const queue = inventoryQueue(events);
    const envelope = toEnvelope(productCreated());
    await queue.add(envelope.type, envelope, { jobId: envelope.id, attempts: 3 });
    await eventually(async () => (worker.output().includes(`handling ${envelope.id}`) ? true : undefined), 'the job to start');

    child!.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    expect(await effectCounts(databases)).toEqual({ effects: 0, distinct: 0 });

    const survivor = effectConsumer(databases.consumer, events);
    await survivor.start();
    try {
      await eventually(() => drained(queue, 1), 'the stalled job to be taken over and completed', 30_000);
      expect(await effectCounts(databases)).toEqual({ effects: 1, distinct: 1 });
      const job = await queue.getJob(envelope.id);
      expect(job?.finishedOn).toBeDefined();
    } finally {
      await survivor.stop();
      await queue.close();
    }
  });
});
