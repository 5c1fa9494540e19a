import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, Severity } from '../findings';
import { compareEventContracts } from './compare';
import { EVENT_CONTRACTS_FILE, parseEventContracts, type EventContractSet } from './contract';

const SEVERITY = { breaking: 'error', dangerous: 'warning', safe: 'info' } as const satisfies Record<string, Severity>;

const finding = (severity: Severity, code: string, message: string): Finding => ({ check: 'events', severity, code, message });

function parsed(text: string, where: string): { set: EventContractSet | null; problems: Finding[] } {
  const result = parseEventContracts(text);
  const problems = result.problems.map((problem) => ({ ...finding('error', 'INVALID_EVENT_CONTRACTS', `${where}: ${problem}`), locations: [EVENT_CONTRACTS_FILE] }));
  return { set: result.set, problems };
}

/**
 * Compares the event contracts in the working tree with the base's. `baseText` is the base's file,
 * null when the base has none (every contract is then new), undefined when there is no base at all.
 */
export function checkEventContracts(root: string, baseText: string | null | undefined): Finding[] {
  const file = path.join(root, EVENT_CONTRACTS_FILE);
  const nextText = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (nextText === null && !baseText) {
    return [finding('info', 'NO_EVENT_CONTRACTS', `no event contracts yet (${EVENT_CONTRACTS_FILE} does not exist)`)];
  }
  const next = nextText === null ? { set: { events: [] }, problems: [] } : parsed(nextText, EVENT_CONTRACTS_FILE);
  if (!next.set) return next.problems;
  if (baseText === undefined) return [finding('info', 'NOT_COMPARED', `${next.set.events.length} event contract(s) valid; no base to compare with`)];

  const base = baseText === null ? { set: { events: [] }, problems: [] } : parsed(baseText, `${EVENT_CONTRACTS_FILE} at the base`);
  if (!base.set) return base.problems.map((problem) => ({ ...problem, severity: 'warning' as const, message: `${problem.message} (not compared)` }));
  const changes = compareEventContracts(base.set, next.set);
  if (changes.length === 0) return [finding('info', 'OK', `${next.set.events.length} event contract(s), unchanged`)];
  return changes.map((change) => ({ ...finding(SEVERITY[change.classification], change.type, change.message), path: change.path, classification: change.classification }));
}
