import type { Classification } from '../findings';
import { eventVersion, type EventContract, type EventContractSet } from './contract';

export interface EventChange {
  type: string;
  classification: Classification;
  /** The event, or `event.field` for a field change: what an acknowledgement names. */
  path: string;
  message: string;
}

const who = (subscribers: readonly string[]): string => (subscribers.length > 0 ? `subscribed by ${subscribers.join(', ')}` : 'no subscribers');

/** What to do instead of changing a published version in place. */
function advice(contract: EventContract): string {
  const parsed = eventVersion(contract.name);
  const next = parsed ? `${parsed.family}.v${parsed.version + 1}` : 'a new version';
  return `publish it as ${next} and keep producing ${contract.name} until no context subscribes to it`;
}

/**
 * Field changes within one event version. Consumers validate payloads at runtime, including events
 * published before a deploy (queued, retried, replayed), so a published version must keep accepting
 * old payloads and keep giving consumers what they read: only optional additions are safe.
 */
function fieldChanges(base: EventContract, next: EventContract): EventChange[] {
  const changes: EventChange[] = [];
  const add = (type: string, classification: Classification, field: string, what: string): void => {
    const tail = classification === 'breaking' ? ` (${who(next.subscribers)}); ${advice(next)}` : '';
    changes.push({ type, classification, path: `${next.name}.${field}`, message: `${next.name}: field "${field}" ${what}${tail}` });
  };
  for (const [field, before] of Object.entries(base.fields)) {
    const after = next.fields[field];
    if (!after) add('EVENT_FIELD_REMOVED', 'breaking', field, 'was removed');
    else if (after.type !== before.type) add('EVENT_FIELD_TYPE_CHANGED', 'breaking', field, `changed type from ${before.type} to ${after.type}`);
    else if (after.required && !before.required) add('EVENT_FIELD_MADE_REQUIRED', 'breaking', field, 'was optional and is now required');
    else if (!after.required && before.required) add('EVENT_FIELD_MADE_OPTIONAL', 'dangerous', field, 'was required and is now optional: consumers must handle its absence');
  }
  for (const [field, after] of Object.entries(next.fields)) {
    if (base.fields[field]) continue;
    if (after.required) add('EVENT_REQUIRED_FIELD_ADDED', 'breaking', field, `was added as required (${after.type}): payloads already published lack it`);
    else add('EVENT_FIELD_ADDED', 'safe', field, `was added as optional (${after.type})`);
  }
  return changes;
}

function contractChanges(base: EventContract, next: EventContract): EventChange[] {
  const changes = fieldChanges(base, next);
  const at = (type: string, classification: Classification, message: string): void =>
    void changes.push({ type, classification, path: next.name, message: `${next.name}: ${message}` });
  if (base.produced && !next.produced) {
    if (next.subscribers.length > 0) at('EVENT_NO_LONGER_PRODUCED', 'breaking', `is no longer produced but is still ${who(next.subscribers)}`);
    else at('EVENT_NO_LONGER_PRODUCED', 'safe', 'is no longer produced, and no context subscribes to it');
  }
  if (base.producer !== next.producer) at('EVENT_PRODUCER_CHANGED', 'dangerous', `is now produced by ${next.producer} instead of ${base.producer}`);
  for (const context of next.subscribers.filter((name) => !base.subscribers.includes(name))) at('EVENT_SUBSCRIBER_ADDED', 'safe', `${context} subscribes`);
  for (const context of base.subscribers.filter((name) => !next.subscribers.includes(name))) at('EVENT_SUBSCRIBER_REMOVED', 'safe', `${context} no longer subscribes`);
  return changes;
}

/**
 * Compares two sets of event contracts. An incompatible change is safe only as a new version: the
 * new version is an addition, and the old one may go only once no context subscribes to it.
 */
export function compareEventContracts(base: EventContractSet, next: EventContractSet): EventChange[] {
  const before = new Map(base.events.map((contract) => [contract.name, contract]));
  const after = new Map(next.events.map((contract) => [contract.name, contract]));
  const changes: EventChange[] = [];
  for (const [name, contract] of before) {
    const kept = after.get(name);
    if (kept) changes.push(...contractChanges(contract, kept));
    else if (contract.subscribers.length > 0) {
      changes.push({ type: 'EVENT_REMOVED', classification: 'breaking', path: name, message: `${name} was removed but is still ${who(contract.subscribers)}; move them to a newer version first, then remove it` });
    } else changes.push({ type: 'EVENT_REMOVED', classification: 'safe', path: name, message: `${name} was removed; no context subscribed to it` });
  }
  for (const [name, contract] of after) {
    if (before.has(name)) continue;
    const family = eventVersion(name)?.family;
    const older = [...after.keys()].filter((other) => other !== name && eventVersion(other)?.family === family);
    const note = older.length > 0 ? ` (a new version beside ${older.join(', ')})` : '';
    changes.push({ type: 'EVENT_ADDED', classification: 'safe', path: name, message: `${name} was added${note}, ${who(contract.subscribers)}` });
  }
  return changes;
}
