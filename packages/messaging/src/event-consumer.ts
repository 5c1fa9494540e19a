import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { describeIssues, envelopeSchema, type EventContract, type EventOf, type Subscriptions } from '@storefront/events';
import { NotYetError } from '@storefront/kernel';
import { createLogger, type Logger } from '@storefront/platform';
import type { EventsConfig } from './events-config';
import type { SqlExecutor } from './outbox';
import { notYetDelay } from './not-yet-wait';
import { openQueueTransport, type AnyWorker, type QueueTransport } from './queue-transport';
import { handlingEvent } from './telemetry/event-spans';
import { measuredHandling } from './telemetry/handler-metrics';

/** What a context does with one event, inside the transaction that also records it in the inbox. */
export interface EventHandler<Tx, C extends EventContract = EventContract> {
  contract: C;
  handle(event: EventOf<C>, tx: Tx): Promise<void>;
}

export function on<Tx, C extends EventContract>(contract: C, handle: (event: EventOf<C>, tx: Tx) => Promise<void>): EventHandler<Tx, C> {
  return { contract, handle };
}

/** How often a worker looks for jobs whose worker died (their lock expired). */
const STALLED_CHECK_MS = 5_000;

/** An event that no number of retries will make acceptable: it goes straight to the failed set. */
export class RejectedEventError extends Error {
  override name = 'RejectedEventError';
}

export interface EventConsumerOptions<Tx extends SqlExecutor> {
  subscriptions: Subscriptions;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler is typed by its own contract
  handlers: readonly EventHandler<Tx, any>[];
  /** Runs work in one transaction of the consuming context's database (bounded by the database, not cut short by its client). */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  events: EventsConfig;
  log?: Logger;
}

/**
 * Delivers a context's queue to its handlers with an exactly-once effect: the event id goes into
 * the context's inbox table in the same transaction as the handler's changes, so a second delivery
 * (a retry, a republished event, a job BullMQ has long forgotten) finds it there and does nothing.
 * An event that arrived before what it depends on (`NotYetError`) waits and is delivered again
 * without using up an attempt, so that no outage of another consumer can make it run out of them.
 */
export class EventConsumer<Tx extends SqlExecutor> {
  private readonly handlers = new Map<string, EventHandler<Tx>>();
  private readonly log: Logger;
  private worker: AnyWorker | null = null;
  private transport: QueueTransport | null = null;

  constructor(private readonly options: EventConsumerOptions<Tx>) {
    const { context, events } = options.subscriptions;
    for (const handler of options.handlers) this.handlers.set(handler.contract.name, handler);
    const unhandled = events.filter((contract) => !this.handlers.has(contract.name)).map((contract) => contract.name);
    const undeclared = [...this.handlers.keys()].filter((name) => !events.some((contract) => contract.name === name));
    if (unhandled.length + undeclared.length > 0) {
      throw new Error(`${context} must handle exactly what it subscribes to (no handler: ${unhandled.join(', ') || '-'}; not subscribed: ${undeclared.join(', ') || '-'})`);
    }
    this.log = options.log ?? createLogger(`${context}:events`);
  }

  get queueName(): string {
    return this.options.subscriptions.context;
  }

  /** Validates and handles one delivery; 'duplicate' when the inbox already holds the event. */
  async handle(data: unknown): Promise<'handled' | 'duplicate'> {
    const parsed = envelopeSchema.safeParse(data);
    if (!parsed.success) throw new RejectedEventError(`invalid envelope: ${describeIssues(parsed.error.issues)}`);
    const envelope = parsed.data;
    const handler = this.handlers.get(envelope.type);
    if (!handler) throw new RejectedEventError(`${this.queueName} does not subscribe to ${envelope.type}`);
    const payload = handler.contract.schema.safeParse(envelope.payload);
    if (!payload.success) throw new RejectedEventError(`invalid ${envelope.type} payload: ${describeIssues(payload.error.issues)}`);
    const event = { ...envelope, payload: payload.data };
    return this.options.transaction(async (tx) => {
      const recorded = await tx.$executeRawUnsafe(
        'INSERT INTO inbox (event_id, type) VALUES ($1::uuid, $2) ON CONFLICT (event_id) DO NOTHING',
        envelope.id,
        envelope.type,
      );
      if (recorded === 0) return 'duplicate';
      await handler.handle(event, tx);
      return 'handled';
    });
  }

  async start(): Promise<void> {
    const { events } = this.options;
    this.transport = openQueueTransport(events, 'worker', this.log);
    this.worker = this.transport.worker(this.queueName, (job: Job, token?: string) => this.process(job, token), {
      concurrency: events.concurrency,
      // A job whose worker died is taken over once its lock has expired and a stalled check has
      // seen that. The lock stays long: a worker whose event loop is held up (a busy, shared
      // machine) for longer than it would lose its jobs to another and run them twice. The checks
      // are frequent: a check only moves jobs whose lock is gone, so it never takes one from a
      // living worker, and it cuts a dead worker's takeover from up to two locks to one lock and
      // a few seconds.
      lockDuration: events.lockDurationMs,
      stalledInterval: Math.min(events.lockDurationMs, STALLED_CHECK_MS),
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.log.warn(`worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (job && (error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1))) {
        this.log.warn(`${job.name} ${job.id} moved to the failed set after ${job.attemptsMade} attempt(s): ${error.message}`, { event_id: job.id, event_type: job.name });
      }
    });
  }

  /** Stops taking jobs and waits for the ones in flight to finish. */
  async stop(): Promise<void> {
    await this.worker?.close();
    this.transport?.close();
  }

  private async process(job: Job, token: string | undefined): Promise<string> {
    return handlingEvent(this.queueName, job.data, () =>
      measuredHandling(this.queueName, job.data, this.log, async () => {
        try {
          return await this.handle(job.data);
        } catch (error) {
          if (error instanceof RejectedEventError) throw new UnrecoverableError(error.message);
          if (error instanceof NotYetError && token !== undefined) await this.waitAgain(job, token, error);
          throw error;
        }
      }),
    );
  }

  /**
   * Puts a not-yet event back among the delayed jobs without counting an attempt (BullMQ's
   * `moveToDelayed` with the worker's token, then `DelayedError` so the worker leaves the job be).
   * Past the wait limit it returns, and the event fails as any error does.
   */
  private async waitAgain(job: Job, token: string, error: NotYetError): Promise<void> {
    const delay = notYetDelay(job, this.options.events, Date.now());
    if (delay === null) {
      this.log.warn(`${job.name} ${job.id} waited longer than ${this.options.events.notYetWaitMs / 1000} s: ${error.message}`, { event_id: job.id, event_type: job.name });
      return;
    }
    await job.moveToDelayed(Date.now() + delay, token);
    throw new DelayedError(error.message);
  }
}
