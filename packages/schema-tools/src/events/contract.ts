/**
 * Integration event contracts as plain JSON, so a contract can be read at any commit with `git show`
 * and compared without running the code that produces it. The events package will generate this file
 * from its payload schemas (one entry per event version) and commit it, as the gateway commits its
 * supergraph; until it exists, the check has nothing to compare.
 */
export const EVENT_CONTRACTS_FILE = 'packages/events/event-contracts.json';

/** `<context>.<event-name>.v<N>`, e.g. `catalog.product-created.v1`. */
export const EVENT_NAME = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.v([1-9]\d*)$/;

export interface EventField {
  /** A plain type name compared as text: string, integer, number, boolean, datetime, uuid, string[], ... */
  type: string;
  /** Whether every payload carries it. Nested fields are named with dots: `price.amount`. */
  required: boolean;
}

export interface EventContract {
  /** Name with version suffix, e.g. `catalog.product-created.v1`. */
  name: string;
  /** The context that publishes it. */
  producer: string;
  /** false once the producer has stopped publishing this version (kept while anyone may still subscribe). */
  produced: boolean;
  /** The contexts that consume it. */
  subscribers: string[];
  fields: Record<string, EventField>;
}

export interface EventContractSet {
  events: EventContract[];
}

/** The name without its version, and the version: `catalog.product-created`, 1. */
export function eventVersion(name: string): { family: string; version: number } | null {
  const match = EVENT_NAME.exec(name);
  return match ? { family: `${match[1]}.${match[2]}`, version: Number(match[3]) } : null;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function contractProblems(entry: Partial<Record<keyof EventContract, unknown>>, where: string): string[] {
  const problems: string[] = [];
  if (typeof entry.name !== 'string' || !eventVersion(entry.name)) problems.push(`${where}: "name" must look like context.event-name.v1`);
  if (typeof entry.producer !== 'string' || entry.producer === '') problems.push(`${where}: "producer" must name a context`);
  if (typeof entry.produced !== 'boolean') problems.push(`${where}: "produced" must be true or false`);
  if (!isStringArray(entry.subscribers)) problems.push(`${where}: "subscribers" must be a list of contexts`);
  const fields = entry.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) problems.push(`${where}: "fields" must be an object`);
  else {
    for (const [name, field] of Object.entries(fields as Record<string, Partial<EventField> | null>)) {
      if (typeof field?.type !== 'string' || typeof field.required !== 'boolean') {
        problems.push(`${where}: field "${name}" needs "type" (text) and "required" (true or false)`);
      }
    }
  }
  return problems;
}

/** Parses and validates a contract file's text: the set, or what is wrong with it. */
export function parseEventContracts(text: string): { set: EventContractSet; problems: [] } | { set: null; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { set: null, problems: [`not JSON (${(error as Error).message})`] };
  }
  const events = (data as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return { set: null, problems: ['expected { "events": [ ... ] }'] };
  const problems = events.flatMap((entry: unknown, index) =>
    typeof entry === 'object' && entry !== null ? contractProblems(entry, `events[${index}]`) : [`events[${index}]: must be an object`],
  );
  const names = events.map((entry: { name?: unknown }) => entry?.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) problems.push(`events[${index}]: "${String(name)}" is listed twice`);
  });
  return problems.length > 0 ? { set: null, problems } : { set: { events: events as EventContract[] }, problems: [] };
}
