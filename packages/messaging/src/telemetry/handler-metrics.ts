import { boundedLabel, type Logger } from '@storefront/platform';
import { eventHandlerDuration, eventHandlerFailures } from './delivery-metrics';

/** Event types come from the job's data: a bounded set of labels even if something writes nonsense into a queue. */
const typeLabel = boundedLabel(100);

/**
 * Times one delivery and counts its failure, by queue and event type, and logs the outcome with
 * the event's id and type (the log line carries the trace id of the handling span).
 */
export async function measuredHandling(queue: string, data: unknown, log: Logger, work: () => Promise<'handled' | 'duplicate'>): Promise<'handled' | 'duplicate'> {
  const raw = (data ?? {}) as { id?: unknown; type?: unknown };
  const type = typeof raw.type === 'string' ? raw.type : 'unknown';
  const fields = { event_id: typeof raw.id === 'string' ? raw.id : undefined, event_type: type };
  const label = typeLabel(type);
  const stop = eventHandlerDuration.startTimer({ queue, type: label });
  try {
    const outcome = await work();
    stop({ outcome });
    log.debug(`${outcome} ${type}`, fields);
    return outcome;
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === 'UnrecoverableError' ? 'rejected' : name === 'DelayedError' ? 'not-yet' : 'error';
    stop({ outcome: reason });
    eventHandlerFailures.inc({ queue, type: label, reason });
    log.debug(`could not handle ${type}: ${(error as Error).message}`, fields);
    throw error;
  }
}
