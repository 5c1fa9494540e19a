import { consumingContexts } from '@storefront/events';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { OutboxRelay, RejectedEventError, type EventConsumer, type EventsConfig, type SqlExecutor } from '@storefront/messaging';
import { eventually, removeEventKeys, testEventsConfig } from '../../test/support/event-bus';
import { commitEvents, createMessagingDatabases, effectConsumer, effectCounts, inventoryQueue, type MessagingDatabases } from '../../packages/messaging/test/messaging-harness';
import { parseCommand } from './cli';

process.env.LOG_LEVEL ??= 'silent';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `pnpm events …` as a real process, against the test's own key prefix. */
function events(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'scripts/events/cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, EVENTS_PREFIX: config.prefix, REDIS_URL: config.redisUrl, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

let databases: MessagingDatabases;
let config: EventsConfig;
let consumer: EventConsumer<SqlExecutor>;
let relay: OutboxRelay;
let queue: ReturnType<typeof inventoryQueue>;
/** Inventory's handler refuses every event while this is set, as when a bug or bad data rejects them. */
let refusing = true;

beforeAll(async () => {
  databases = await createMessagingDatabases();
  config = testEventsConfig({ attempts: 3 });
  consumer = effectConsumer(databases.consumer, config, async (eventId) => {
    if (refusing) throw new RejectedEventError(`warehouse feed refused event ${eventId}`);
  });
  relay = new OutboxRelay({ context: 'catalog', databaseUrl: databases.producerUrl, events: config });
  queue = inventoryQueue(config);
  await consumer.start();
});

afterAll(async () => {
  await consumer.stop();
  await relay.stop();
  await queue.close();
  await databases.drop();
  await removeEventKeys(config);
});

/** Commits events in catalog's outbox and relays them, as the running catalog would. */
async function publish(count: number): Promise<string[]> {
  const ids = await commitEvents(databases, count);
  await relay.relayBatch();
  return ids;
}

const failedCount = (expected: number) => async () => ((await queue.getFailedCount()) === expected ? true : undefined);

describe('pnpm events', () => {
  it('says so when nothing has failed', async () => {
    const run = await events(['failed']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('no failed events');
  });

  it('lists a rejected event with its queue, type, id, attempts and reason, then re-drives it out of the failed set', async () => {
    const [eventId] = await publish(1);
    await eventually(failedCount(1), 'the rejected event in the failed set');

    const listed = await events(['failed']);
    expect(listed.code).toBe(0);
    const row = listed.stdout.split('\n').find((line) => line.includes(eventId!));
    expect(listed.stdout).toMatch(/QUEUE +TYPE +EVENT ID +ATTEMPTS +FAILED AT \(UTC\) +LAST ERROR/);
    // Rejected at once: one attempt of the three allowed, then straight to the failed set.
    expect(row).toMatch(new RegExp(`^inventory +catalog\\.product-created\\.v1 +${eventId} +1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +warehouse feed refused event ${eventId}$`));

    refusing = false;
    const retried = await events(['retry', eventId!.toUpperCase()]);
    expect(retried).toMatchObject({ code: 0, stderr: '' });
    expect(retried.stdout.trim()).toBe(`re-drove 1 job of event ${eventId} (inventory)`);
    await eventually(async () => ((await effectCounts(databases)).effects === 1 ? true : undefined), 'the re-driven event to be handled');
    expect(await queue.getFailedCount()).toBe(0);
    expect((await events(['failed'])).stdout).toContain('no failed events');
  });

  it('re-drives every failed event with --all', async () => {
    refusing = true;
    const before = (await effectCounts(databases)).effects;
    await publish(3);
    await eventually(failedCount(3), 'three rejected events');
    refusing = false;
    const run = await events(['retry', '--all']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe('re-drove 3 jobs: back in their queues with a fresh set of attempts');
    await eventually(async () => ((await effectCounts(databases)).effects === before + 3 ? true : undefined), 'the three re-driven events');
    expect(await queue.getFailedCount()).toBe(0);
  });

  it('refuses an event id that is not in any failed set, with exit code 1', async () => {
    const run = await events(['retry', '5f0c2b8e-3d41-4c7a-9e55-0a1b2c3d4e5f']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`pnpm events: no failed event 5f0c2b8e-3d41-4c7a-9e55-0a1b2c3d4e5f in queues ${consumingContexts().join(', ')} (prefix ${config.prefix}); \`pnpm events failed\` lists them`);
  });

  it('answers bad usage with the usage text and exit code 2', async () => {
    const run = await events(['retry']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: pnpm events <command>');
  });

  it.each([[[]], [['retry']], [['retry', '--some']], [['retry', 'a', 'b']], [['failed', 'now']], [['purge']]])('takes %j for bad usage', (args) => {
    expect(() => parseCommand(args)).toThrow();
  });
  it('fails in one line within seconds when Redis cannot be reached', async () => {
    const run = await events(['failed'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^pnpm events: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)/)]);
    expect(run.ms).toBeLessThan(10_000);
  });
});
