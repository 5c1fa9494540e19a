import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFailedEvents, type EventsConfig, type FailedEvent } from '@storefront/messaging';
import { consumingContexts } from '@storefront/events';
import { ofContext } from '../system/contexts';
import { hasTable, line, onDatabase, type AuditLine } from './audit-line';

interface ContractEntry {
  name: string;
  producer: string;
  subscribers: string[];
}

const contracts = (): ContractEntry[] =>
  (JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'packages', 'events', 'event-contracts.json'), 'utf8')) as { events: ContractEntry[] }).events;

interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  published: boolean;
}

/**
 * The events: every outbox row published, every published event in each subscriber's inbox (its
 * effect and its inbox row commit together, and the inbox holds an id once: exactly once), no job
 * left in a failed set, one notification per order event.
 */
export async function auditEvents(databaseUrls: Readonly<Record<string, string>>, events: EventsConfig): Promise<{ lines: AuditLine[]; failed: FailedEvent[] }> {
  const lines: AuditLine[] = [];
  const outboxes = new Map<string, OutboxRow[]>();
  const inboxes = new Map<string, Set<string>>();
  for (const [context, url] of Object.entries(databaseUrls)) {
    await onDatabase(url, async (db) => {
      if (await hasTable(db, 'outbox')) outboxes.set(context, (await db.query<OutboxRow>('SELECT id, type, aggregate_id, published_at IS NOT NULL AS published FROM outbox')).rows);
      if (await hasTable(db, 'inbox')) inboxes.set(context, new Set((await db.query<{ event_id: string }>('SELECT event_id FROM inbox')).rows.map((row) => row.event_id)));
    });
  }
  const all = [...outboxes.values()].flat();
  const unpublished = all.filter((row) => !row.published);
  lines.push(line('events: every outbox row published', unpublished.map((row) => `${row.type} ${row.id}`), `${all.length} events in ${outboxes.size} outboxes`));

  const undelivered: string[] = [];
  let deliveries = 0;
  for (const contract of contracts()) {
    for (const row of outboxes.get(contract.producer)?.filter((candidate) => candidate.type === contract.name) ?? []) {
      for (const subscriber of contract.subscribers) {
        deliveries += 1;
        if (!inboxes.get(subscriber)?.has(row.id)) undelivered.push(`${contract.name} ${row.id} → ${subscriber}`);
      }
    }
  }
  lines.push(line("events: every event handled by each subscriber, recorded once in its inbox with its effect", undelivered, `${deliveries} deliveries`));

  const failed = await listFailedEvents(events, consumingContexts());
  lines.push(line('events: no job in any failed set', failed.map((job) => `${job.queue}: ${job.type} ${job.eventId} (${job.lastError})`), `${consumingContexts().length} queues`));

  const notifiedBy = await onDatabase(ofContext(databaseUrls, 'notifications'), async (db) => {
    const { rows } = await db.query<{ caused_by: string; count: string }>('SELECT caused_by, COUNT(*) AS count FROM notifications GROUP BY caused_by');
    return new Map(rows.map((row) => [row.caused_by, Number(row.count)]));
  });
  const told = new Set(contracts().filter((contract) => contract.producer === 'ordering' && contract.subscribers.includes('notifications')).map((contract) => contract.name));
  const orderEvents = (outboxes.get('ordering') ?? []).filter((row) => told.has(row.type));
  const notOnce = orderEvents.filter((row) => notifiedBy.get(row.id) !== 1).map((row) => `${row.type} ${row.id} (${notifiedBy.get(row.id) ?? 0} notifications)`);
  const known = new Set(orderEvents.map((row) => row.id));
  const unexplained = [...notifiedBy.keys()].filter((id) => !known.has(id)).map((id) => `notification caused by ${id} (no such order event)`);
  lines.push(line('notifications: exactly one per order event', [...notOnce, ...unexplained], `${orderEvents.length} order events told to customers`));
  return { lines, failed };
}
