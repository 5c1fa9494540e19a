import { isSchema, type GraphQLSchema } from 'graphql';
import { applyAcknowledgements, loadAcknowledgements } from './acknowledgements';
import { compareApiSchemas } from './api-changes';
import { apiSchemaOf } from './api-schema';
import { composeSupergraph, declaredSubgraphs, SUPERGRAPH_FILE, subgraphSources, type CompositionIssue, type SubgraphEndpoint } from './compose';
import { checkEventContracts } from './events/check';
import { EVENT_CONTRACTS_FILE } from './events/contract';
import { exitCodeOf, type CheckResult, type Finding } from './findings';
import { fileAtCommit, resolveCommit } from './git';
import { loadClientOperations } from './operations';
import { checkSupergraphFile } from './supergraph-file';
import { validateOperations } from './validate-operations';

export interface CheckOptions {
  /** The repository (or a copy of its schema files): subgraphs/, gateway/, clients/, the acknowledgements. */
  root: string;
  /** A git ref to compare with; its committed supergraph and event contracts are read with git. */
  baseRef?: string;
  /** Instead of a ref: the base's supergraph SDL (null: the base has none). Lets tests run without git. */
  baseSupergraph?: string | null;
  /** With baseSupergraph: the base's event contracts file text (null: none; omitted: not compared). */
  baseEventContracts?: string | null;
  subgraphs?: readonly SubgraphEndpoint[];
}

interface Base {
  label: string;
  supergraph: string | null | undefined;
  eventContracts: string | null | undefined;
  problems: Finding[];
}

/** What to compare with: given texts, a git commit's files, or nothing (undefined: no comparison). */
function resolveBase(options: CheckOptions): Base {
  if (options.baseSupergraph !== undefined) {
    return { label: 'the given base', supergraph: options.baseSupergraph, eventContracts: options.baseEventContracts, problems: [] };
  }
  if (options.baseRef === undefined) return { label: 'no base', supergraph: undefined, eventContracts: undefined, problems: [] };
  const commit = resolveCommit(options.root, options.baseRef);
  if (!commit) {
    const message = `the base ${options.baseRef} is not a commit of a git repository at ${options.root}`;
    return { label: options.baseRef, supergraph: undefined, eventContracts: undefined, problems: [{ check: 'api', severity: 'error', code: 'BASE_NOT_FOUND', message }] };
  }
  return {
    label: `${options.baseRef} (${commit.slice(0, 12)})`,
    supergraph: fileAtCommit(options.root, commit, SUPERGRAPH_FILE),
    eventContracts: fileAtCommit(options.root, commit, EVENT_CONTRACTS_FILE),
    problems: [],
  };
}

const compositionFinding =
  (severity: 'error' | 'warning') =>
  ({ code, message, subgraphs, coordinates, locations }: CompositionIssue): Finding => {
    const finding: Finding = { check: 'composition', severity, code, message, subgraphs, locations };
    if (coordinates.length > 0) finding.path = coordinates.join(', ');
    return finding;
  };

function apiSchemaOrFinding(sdl: string, which: string): GraphQLSchema | Finding {
  try {
    return apiSchemaOf(sdl);
  } catch (error) {
    return { check: 'api', severity: 'error', code: 'INVALID_SUPERGRAPH', message: `${which} is not a valid supergraph: ${(error as Error).message}` };
  }
}

const skipped = (check: 'api' | 'operations', why: string): Finding => ({ check, severity: 'info', code: 'SKIPPED', message: `not checked: ${why}` });

/** API changes against the base and the client operations against the new API schema. */
async function checkApi(root: string, supergraphSdl: string, base: Base): Promise<Finding[]> {
  const { operations, problems } = loadClientOperations(root);
  const next = apiSchemaOrFinding(supergraphSdl, 'the composed supergraph');
  if (!isSchema(next)) return [next, ...problems];
  const findings: Finding[] = [];
  if (base.supergraph === undefined) findings.push(skipped('api', 'no base to compare with'));
  else if (base.supergraph === null) findings.push(skipped('api', `${base.label} has no ${SUPERGRAPH_FILE}`));
  else {
    const previous = apiSchemaOrFinding(base.supergraph, `${SUPERGRAPH_FILE} at ${base.label}`);
    findings.push(...(isSchema(previous) ? await compareApiSchemas(previous, next, operations) : [previous]));
  }
  return [...findings, ...problems, ...validateOperations(next, operations)];
}

/**
 * The schema check: composition, the committed supergraph, API changes against the base with the
 * client operations they break, the operations against the new API schema, and event contracts.
 * Each finding is reported; the exit code is 1 when any is an error.
 */
export async function checkSchema(options: CheckOptions): Promise<CheckResult> {
  const { root } = options;
  const base = resolveBase(options);
  const subgraphs = options.subgraphs ?? declaredSubgraphs(root);
  const outcome = composeSupergraph(subgraphSources(root, subgraphs), root);
  const findings: Finding[] = [...outcome.hints.map(compositionFinding('warning')), ...base.problems];

  if (outcome.ok) {
    const names = subgraphs.map((subgraph) => subgraph.name).join(', ');
    findings.unshift({ check: 'composition', severity: 'info', code: 'OK', message: `${names} compose` });
    findings.push(...checkSupergraphFile(root, outcome.supergraphSdl), ...(await checkApi(root, outcome.supergraphSdl, base)));
  } else {
    findings.unshift(...outcome.errors.map(compositionFinding('error')));
    findings.push(skipped('api', 'the subgraphs do not compose'), skipped('operations', 'the subgraphs do not compose'));
  }
  findings.push(...checkEventContracts(root, base.eventContracts));

  const { acknowledgements, problems } = loadAcknowledgements(root);
  // Only a full comparison can tell that an acknowledgement matches nothing any more.
  const compared = outcome.ok && typeof base.supergraph === 'string';
  const all = [...applyAcknowledgements(findings, acknowledgements, compared), ...problems];
  return { base: base.label, findings: all, exitCode: exitCodeOf(all) };
}
