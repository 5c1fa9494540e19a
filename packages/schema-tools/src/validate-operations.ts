import { NoDeprecatedCustomRule, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Finding } from './findings';
import { operationRef, type ClientOperation } from './operations';

const locationsOf = (error: GraphQLError): string[] =>
  (error.nodes ?? []).flatMap((node) => (node.loc ? [`${node.loc.source.name}:${node.loc.startToken.line}`] : []));

/**
 * Validates each client operation against the API schema the gateway will serve. An invalid one is
 * an error: that frontend would get a validation error for every request. Deprecated fields,
 * arguments and enum values still in use are warnings, so their owners can see who must move first.
 */
export function validateOperations(schema: GraphQLSchema, operations: readonly ClientOperation[]): Finding[] {
  const findings: Finding[] = [];
  for (const operation of operations) {
    const label = `${operation.name} (${operation.file})`;
    const errors = validate(schema, operation.document);
    for (const error of errors) {
      findings.push({
        check: 'operations',
        severity: 'error',
        code: 'INVALID_OPERATION',
        message: `${label}: ${error.message}`,
        locations: locationsOf(error),
        operations: [operationRef(operation)],
      });
    }
    if (errors.length > 0) continue;
    for (const warning of validate(schema, operation.document, [NoDeprecatedCustomRule])) {
      findings.push({
        check: 'operations',
        severity: 'warning',
        code: 'DEPRECATED_USAGE',
        message: `${label}: ${warning.message}`,
        locations: locationsOf(warning),
        operations: [operationRef(operation)],
      });
    }
  }
  if (findings.every((finding) => finding.severity !== 'error')) {
    findings.unshift({ check: 'operations', severity: 'info', code: 'OK', message: `${operations.length} operation(s) in clients/ are valid against the new API schema` });
  }
  return findings;
}
