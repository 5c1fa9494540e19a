import { Client, Pool } from 'pg';
import { contractNamed, subscribersOf, type EventEnvelope } from '@storefront/events';
import { createLogger, type Logger } from '@storefront/platform';
import type { EventsConfig } from './events-config';
import { jobFor } from './job-options';
import { liveAnnouncer, type LiveAnnouncer } from './live-events';
import { openQueueTransport, type AnyQueue, type QueueTransport } from './queue-transport';
import { publishingFromOutbox } from './telemetry/event-spans';

export interface OutboxRelayOptions {
  context: string;
  databaseUrl: string;
  events: EventsConfig;
  batchSize?: number;
  /** A safety net only: new rows wake the relay at once through NOTIFY. */
  pollIntervalMs?: number;
  /**
   * While rows keep coming (the last batch moved some, but not a full batch), batches start at
   * least this far apart, so that one claim, one publish per queue and one commit carry several
   * events instead of one each. A wake after a quiet spell is served at once. Default 10 ms.
   */
  gatherMs?: number;
  /** How long published rows are kept before they are pruned. */
  retentionMs?: number;
  log?: Logger;
}

interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  occurred_at: Date;
  correlation_id: string;
  causation_id: string | null;
  payload: unknown;
  traceparent: string | null;
}

const toEnvelope = (row: OutboxRow): EventEnvelope => ({
  id: row.id,
  type: row.type,
  occurredAt: row.occurred_at.toISOString(),
  aggregateId: row.aggregate_id,
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  payload: row.payload,
  ...(row.traceparent ? { traceparent: row.traceparent } : {}),
});

/**
 * Moves a context's committed outbox rows to the queues of the contexts that subscribe to them.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several relays share the work without doing it
 * twice, and marked published in the same transaction after BullMQ has accepted them: a relay that
 * dies in between leaves them unmarked and they are published again under the same job ids.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private transport: QueueTransport;
  private readonly live: LiveAnnouncer;
  private readonly queues = new Map<string, AnyQueue>();
  private readonly log: Logger;
  private readonly batchSize: number;
  private listener: Client | null = null;
  private wake: (() => void) | null = null;
  /** A notification arrived since the last batch was claimed. */
  private pending = true;
  /** While backing off after a failure, notifications do not cut the wait short. */
  private backingOff = false;
  private stopped = false;
  private running: Promise<void> | null = null;
  private lastPrune = 0;
  private readonly claim: string;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
    this.pool.on('error', () => undefined);
    this.transport = openQueueTransport(options.events, 'publisher');
    this.live = liveAnnouncer(options.events);
    this.log = options.log ?? createLogger(`${options.context}:outbox`);
    this.batchSize = options.batchSize ?? 200;
    // BEGIN and the claim go in one round trip (a simple query, hence the limit written in): the
    // rows are marked published as they are claimed, which counts only once COMMIT follows the
    // publish; a failed publish rolls the mark back with the transaction.
    this.claim = `BEGIN; WITH claimed AS (
        UPDATE outbox SET published_at = now() WHERE id IN (
          SELECT id FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT ${Math.max(1, Math.trunc(this.batchSize))} FOR UPDATE SKIP LOCKED)
        RETURNING position, id, type, aggregate_id, occurred_at, correlation_id, causation_id, payload, traceparent)
      SELECT id, type, aggregate_id, occurred_at, correlation_id, causation_id, payload, traceparent FROM claimed ORDER BY position`;
  }

  start(): void {
    this.running ??= this.loop();
  }

  /** Publishes what is waiting, one batch; returns how many events it moved. */
  async relayBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      const results = (await client.query(this.claim)) as unknown as { rows: OutboxRow[] }[];
      const rows = results[1]!.rows;
      if (rows.length > 0) await this.publish(rows.map(toEnvelope));
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Adds one job per subscribing context for each event; a job id already stored is left as it is.
   * Live events are announced at the same time (Redis pub/sub, or NOTIFY with the queues on
   * PostgreSQL), so live views hear of them first.
   */
  async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
    await publishingFromOutbox(envelopes, (traced) => this.addJobs(traced));
  }

  private async addJobs(envelopes: readonly EventEnvelope[]): Promise<void> {
    const live = envelopes.filter((envelope) => contractNamed(envelope.type)?.live);
    const announced = live.length > 0 ? this.live.announce(live) : undefined;
    const byQueue = new Map<string, ReturnType<typeof jobFor>[]>();
    for (const envelope of envelopes) {
      for (const context of subscribersOf(envelope.type)) {
        const jobs = byQueue.get(context) ?? [];
        jobs.push(jobFor(envelope, this.options.events));
        byQueue.set(context, jobs);
      }
    }
    await Promise.all([announced, ...[...byQueue].map(([context, jobs]) => this.queue(context).addBulk(jobs))]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.transport.close();
    await this.live.close();
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private queue(context: string): AnyQueue {
    let queue = this.queues.get(context);
    if (!queue) {
      queue = this.transport.queue(context);
      queue.on('error', () => undefined);
      this.queues.set(context, queue);
    }
    return queue;
  }

  private renewQueues(): void {
    const stale = [...this.queues.values()];
    const transport = this.transport;
    this.queues.clear();
    this.transport = openQueueTransport(this.options.events, 'publisher');
    void Promise.allSettled(stale.map((queue) => queue.close())).then(() => transport.close());
  }

  private async loop(): Promise<void> {
    let failures = 0;
    let gathering = false;
    let lastStart = 0;
    while (!this.stopped) {
      if (!this.listener) await this.listen();
      if (gathering) await this.sleep(lastStart + (this.options.gatherMs ?? 10) - Date.now());
      this.pending = false;
      lastStart = Date.now();
      gathering = false;
      try {
        const moved = await this.relayBatch();
        gathering = moved > 0 && moved < this.batchSize;
        if (failures > 0) this.log.info(`publishing again after ${failures} failed attempt(s)`);
        failures = 0;
        if (moved === this.batchSize) continue;
        await this.pruneWhenDue();
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 50 === 0) this.log.warn(`cannot publish events yet (${(error as Error).message}); they stay in the outbox`);
        // Queues made while Redis was away, or whose connection went bad with it, can stay unusable
        // once it is back: after a few failures in a row, publish through fresh ones.
        if (failures % 3 === 0) this.renewQueues();
      }
      this.backingOff = failures > 0;
      await this.pause(this.backingOff ? Math.min(100 * 2 ** failures, 5_000) : this.options.pollIntervalMs ?? 1_000);
    }
  }

  private sleep(ms: number): Promise<void> {
    return ms > 0 && !this.stopped ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  private pause(ms: number): Promise<void> {
    if (this.pending && !this.backingOff) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private nudge(): void {
    this.pending = true;
    if (!this.backingOff) this.wake?.();
  }

  /** LISTEN on the channel the outbox's insert trigger notifies, so new rows go out within milliseconds. */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.nudge());
    client.on('error', () => {
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      this.listener = client;
    } catch (error) {
      this.log.warn(`cannot listen for new outbox rows (${(error as Error).message}); polling`);
      await client.end().catch(() => undefined);
    }
  }

  private async pruneWhenDue(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    const retention = this.options.retentionMs ?? 24 * 3_600_000;
    await this.pool.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)`, [retention / 1000]);
  }
}
