import { consumingContexts } from '@storefront/events';
import { eventsConfig, listFailedEvents, retryFailedEvents, type EventsConfig } from '@storefront/messaging';
import { failedEventsTable } from './failed-events-table';
import { assertQueuesReachable, displayQueues } from './redis-reachability';

/**
 * `pnpm events failed` and `pnpm events retry <event-id|--all>`: the failed sets of the consuming
 * contexts' queues, for whoever is on call. Exit codes: 0 done, 1 failed (unknown event, Redis
 * unreachable), 2 bad usage.
 */
const USAGE = `Usage: pnpm events <command>

  failed                 list every failed event in the consuming contexts' queues
  retry <event-id>       send that event back to the queue(s) it failed in, with a fresh set of attempts
  retry --all            send every failed event back

Settings: REDIS_URL (default redis://127.0.0.1:6379), EVENTS_PREFIX (default {storefront})`;

/** How long the whole command may take once Redis has answered (its queues' connections would otherwise wait forever). */
const OPERATION_DEADLINE_MS = 30_000;

class UsageError extends Error {}
class CommandFailed extends Error {}

type Command = { kind: 'help' } | { kind: 'failed' } | { kind: 'retry'; which: { eventId: string } | 'all' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCommand(args: readonly string[]): Command {
  const [name, ...rest] = args;
  if (name === 'help' || name === '--help' || name === '-h') return { kind: 'help' };
  if (name === 'failed' && rest.length === 0) return { kind: 'failed' };
  if (name === 'retry' && rest.length === 1) {
    const target = rest[0]!;
    if (target === '--all') return { kind: 'retry', which: 'all' };
    if (target.startsWith('-') || target.trim() === '') throw new UsageError(`retry takes an event id or --all, not "${target}"`);
    // Event ids are stored lower-case; a pasted upper-case uuid means the same event.
    return { kind: 'retry', which: { eventId: UUID.test(target) ? target.toLowerCase() : target } };
  }
  throw new UsageError(name === undefined ? 'a command is needed' : `unknown command or arguments: ${args.join(' ')}`);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

async function listFailed(config: EventsConfig, queues: readonly string[]): Promise<void> {
  const failed = await listFailedEvents(config, queues);
  if (failed.length === 0) {
    console.log(`no failed events (queues: ${queues.join(', ')}; prefix ${config.prefix})`);
    return;
  }
  console.log(`${plural(failed.length, 'failed event')} (queues: ${queues.join(', ')}; prefix ${config.prefix})\n`);
  console.log(failedEventsTable(failed));
  console.log('\nRe-drive one with `pnpm events retry <event-id>`, or all of them with `pnpm events retry --all`.');
}

async function retry(config: EventsConfig, queues: readonly string[], which: { eventId: string } | 'all'): Promise<void> {
  if (which === 'all') {
    const retried = await retryFailedEvents(config, 'all', queues);
    console.log(retried === 0 ? 'no failed events to retry' : `re-drove ${plural(retried, 'job')}: back in their queues with a fresh set of attempts`);
    return;
  }
  const where = [...new Set((await listFailedEvents(config, queues)).filter((event) => event.eventId === which.eventId).map((event) => event.queue))];
  if (where.length === 0) throw new CommandFailed(`no failed event ${which.eventId} in queues ${queues.join(', ')} (prefix ${config.prefix}); \`pnpm events failed\` lists them`);
  const retried = await retryFailedEvents(config, which, where);
  if (retried === 0) throw new CommandFailed(`event ${which.eventId} left the failed set before it could be re-driven`);
  console.log(`re-drove ${plural(retried, 'job')} of event ${which.eventId} (${where.join(', ')})`);
}

function withDeadline<T>(work: Promise<T>, config: EventsConfig): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandFailed(`${displayQueues(config)} stopped answering; nothing more was done`)), OPERATION_DEADLINE_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export async function main(args: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(args);
    if (command.kind === 'help') {
      console.log(USAGE);
      return 0;
    }
    const config = eventsConfig();
    const queues = consumingContexts();
    await assertQueuesReachable(config);
    await withDeadline(command.kind === 'failed' ? listFailed(config, queues) : retry(config, queues, command.which), config);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`pnpm events: ${(error as Error).message}`);
    return 1;
  }
}

// Exits explicitly: after a deadline, a queue's connection may still be waiting for Redis.
if (require.main === module) void main(process.argv.slice(2)).then((code) => process.exit(code));
