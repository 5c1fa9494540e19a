import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './findings';

/**
 * Breaking changes a team means to make, each with its reason. The file is committed with the change,
 * so the acknowledgement is reviewed like code; it is read from the working tree, never from the base.
 */
export const ACKNOWLEDGEMENTS_FILE = 'schema-acknowledgements.json';

export interface Acknowledgement {
  /** The change type as reported, e.g. FIELD_REMOVED or EVENT_FIELD_REMOVED. */
  change: string;
  /** The schema coordinate or event field as reported, e.g. Product.sku. */
  path: string;
  /** Why the break is acceptable: who was told, what replaces it. Required and never blank. */
  reason: string;
}

const problem = (message: string): Finding => ({
  check: 'acknowledgements',
  severity: 'error',
  code: 'INVALID_ACKNOWLEDGEMENTS',
  message: `${ACKNOWLEDGEMENTS_FILE}: ${message}`,
  locations: [ACKNOWLEDGEMENTS_FILE],
});

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Reads and validates the file; a missing file is no acknowledgement, a malformed one an error. */
export function loadAcknowledgements(root: string): { acknowledgements: Acknowledgement[]; problems: Finding[] } {
  const file = path.join(root, ACKNOWLEDGEMENTS_FILE);
  if (!existsSync(file)) return { acknowledgements: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { acknowledgements: [], problems: [problem(`not JSON (${(error as Error).message})`)] };
  }
  const list = (data as { acknowledgements?: unknown } | null)?.acknowledgements;
  if (!Array.isArray(list)) return { acknowledgements: [], problems: [problem('expected { "acknowledgements": [ ... ] }')] };
  const acknowledgements: Acknowledgement[] = [];
  const problems: Finding[] = [];
  list.forEach((entry: Partial<Record<keyof Acknowledgement, unknown>> | null, index) => {
    if (entry && isText(entry.change) && isText(entry.path) && isText(entry.reason)) {
      acknowledgements.push({ change: entry.change, path: entry.path, reason: entry.reason.trim() });
    } else problems.push(problem(`entry ${index} needs "change", "path" and a non-blank "reason"`));
  });
  return { acknowledgements, problems };
}

/**
 * Marks each breaking finding that an entry names (same change type and path) as acknowledged: it
 * stays in the report as a warning with its reason, but no longer fails the check. Entries that name
 * nothing are reported too, so the file does not keep stale permissions for later changes.
 */
export function applyAcknowledgements(findings: Finding[], acknowledgements: readonly Acknowledgement[], reportUnused = true): Finding[] {
  const used = new Set<Acknowledgement>();
  const applied = findings.map((finding) => {
    if (finding.classification !== 'breaking' || !finding.path) return finding;
    const match = acknowledgements.find((entry) => entry.change === finding.code && entry.path === finding.path);
    if (!match) return finding;
    used.add(match);
    return { ...finding, severity: 'warning' as const, acknowledged: match.reason };
  });
  const unused = reportUnused ? acknowledgements.filter((entry) => !used.has(entry)) : [];
  return [
    ...applied,
    ...unused.map((entry): Finding => ({
      check: 'acknowledgements',
      severity: 'warning',
      code: 'UNUSED_ACKNOWLEDGEMENT',
      path: entry.path,
      message: `${entry.change} ${entry.path} matches no change against the base: check its change and path, or remove it if that change is already merged`,
      locations: [ACKNOWLEDGEMENTS_FILE],
    })),
  ];
}

/** The entry to paste into the file to accept a breaking finding. */
export const acknowledgementFor = (finding: Finding): string =>
  JSON.stringify({ change: finding.code, path: finding.path, reason: 'why this break is acceptable and who was told' });
