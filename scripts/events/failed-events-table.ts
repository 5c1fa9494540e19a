import type { FailedEvent } from '@storefront/messaging';

const HEADINGS = ['QUEUE', 'TYPE', 'EVENT ID', 'ATTEMPTS', 'FAILED AT (UTC)', 'LAST ERROR'] as const;

const when = (at: Date | null) => (at ? at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '') : '-');
// A reason is shown on its own row: a multi-line message would break the columns.
const oneLine = (text: string) => (text ? text.replace(/\s*\n\s*/g, ' ⏎ ').trim() : '(no reason recorded)');

/** Oldest first within each queue, so the table reads in the order things went wrong. */
export function sortFailedEvents(events: readonly FailedEvent[]): FailedEvent[] {
  return [...events].sort((a, b) => a.queue.localeCompare(b.queue) || (a.failedAt?.getTime() ?? 0) - (b.failedAt?.getTime() ?? 0));
}

/** The failed set as aligned columns, the reason last so a long one needs no truncating. */
export function failedEventsTable(events: readonly FailedEvent[]): string {
  const rows = sortFailedEvents(events).map((event) => [event.queue, event.type, event.eventId, String(event.attempts), when(event.failedAt), oneLine(event.lastError)]);
  const widths = HEADINGS.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : column === 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ');
  return [line(HEADINGS), ...rows.map(line)].join('\n');
}
