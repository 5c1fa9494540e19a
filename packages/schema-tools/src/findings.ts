/** What `pnpm schema:check` looks at, in the order it reports. */
export const CHECKS = {
  composition: 'Subgraph SDL and composition',
  supergraph: 'Committed supergraph',
  api: 'API changes',
  operations: 'Client operations',
  events: 'Event contracts',
  acknowledgements: 'Acknowledgements',
} as const;

export type CheckName = keyof typeof CHECKS;

/** error fails the check; warning is shown and passes; info says what was looked at. */
export type Severity = 'error' | 'warning' | 'info';

/** How a change affects those who depend on it (GraphQL Inspector's levels, by their plain names). */
export type Classification = 'breaking' | 'dangerous' | 'safe';

/** A client operation, by the file it is committed in (relative to the root). */
export interface OperationRef {
  client: string;
  file: string;
  name: string;
}

/** One thing the check found: the same record feeds the CI log and `--json`. */
export interface Finding {
  check: CheckName;
  severity: Severity;
  /** Stable: a composition error code, a GraphQL Inspector change type, an event change type, or the check's own. */
  code: string;
  message: string;
  /** The schema coordinate or event field the finding is about; with `code`, what an acknowledgement names. */
  path?: string;
  classification?: Classification;
  subgraphs?: string[];
  locations?: string[];
  /** For a breaking change: the client operations it breaks. For an invalid operation: that one. */
  operations?: OperationRef[];
  /** The reason given in the acknowledgement file, when a breaking change was acknowledged. */
  acknowledged?: string;
}

export interface CheckResult {
  /** What was compared against: a ref with its commit, or a note that nothing was. */
  base: string;
  findings: Finding[];
  exitCode: 0 | 1;
}

export const exitCodeOf = (findings: readonly Finding[]): 0 | 1 => (findings.some((finding) => finding.severity === 'error') ? 1 : 0);
