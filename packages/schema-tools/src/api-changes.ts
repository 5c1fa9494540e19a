import type { GraphQLSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { Classification, Finding, Severity } from './findings';
import { affectedCoordinate, usedCoordinates } from './operation-usage';
import { operationRef, type ClientOperation } from './operations';

const CLASSIFICATION: Record<CriticalityLevel, Classification> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const SEVERITY: Record<Classification, Severity> = { breaking: 'error', dangerous: 'warning', safe: 'info' };
const ORDER: Record<Classification, number> = { breaking: 0, dangerous: 1, safe: 2 };

/** GraphQL Inspector also reports @deprecated as directive usage; *_DEPRECATION_* already says it. */
const isDeprecationEcho = (type: string, path: string | undefined): boolean => type.startsWith('DIRECTIVE_USAGE_') && (path ?? '').includes('.@deprecated');

/**
 * Every change from the base API schema to the new one, classified by GraphQL Inspector. A breaking
 * change names the client operations it breaks (their use is resolved against the base schema, where
 * the removed or changed element still exists); it is an error whether or not a client here uses it,
 * because frontends outside this repository, and app versions already installed, may.
 */
export async function compareApiSchemas(base: GraphQLSchema, next: GraphQLSchema, operations: readonly ClientOperation[]): Promise<Finding[]> {
  const changes = (await diff(base, next)).filter((change) => !isDeprecationEcho(change.type, change.path));
  const usage = operations.map((operation) => ({ operation, used: usedCoordinates(base, operation.document) }));
  const findings = changes.map((change): Finding => {
    const classification = CLASSIFICATION[change.criticality.level];
    const finding: Finding = {
      check: 'api',
      severity: SEVERITY[classification],
      code: change.type,
      classification,
      message: change.message,
    };
    if (change.path) finding.path = change.path;
    if (classification === 'breaking' && change.path) {
      const coordinate = affectedCoordinate(change.type, change.path);
      finding.operations = usage.filter(({ used }) => used.has(coordinate)).map(({ operation }) => operationRef(operation));
    }
    return finding;
  });
  findings.sort((a, b) => ORDER[a.classification ?? 'safe'] - ORDER[b.classification ?? 'safe']);
  if (findings.length === 0) findings.push({ check: 'api', severity: 'info', code: 'OK', message: 'the API schema is unchanged' });
  return findings;
}
