import { ACKNOWLEDGEMENTS_FILE, acknowledgementFor } from './acknowledgements';
import { compositionIssueLines } from './compose';
import { CHECKS, type CheckName, type CheckResult, type Finding, type OperationRef } from './findings';

const INDENT = ' '.repeat(13);

/** Operations grouped by file: "ProductList, ProductDetail (clients/storefront/products.graphql)". */
export function describeOperations(operations: readonly OperationRef[]): string {
  const byFile = new Map<string, string[]>();
  for (const operation of operations) byFile.set(operation.file, [...(byFile.get(operation.file) ?? []), operation.name]);
  return [...byFile].map(([file, names]) => `${names.join(', ')} (${file})`).join('; ');
}

function label(finding: Finding): string {
  if (finding.classification) return finding.classification === 'breaking' ? 'BREAKING' : finding.classification;
  if (finding.severity === 'error') return 'ERROR';
  if (finding.severity === 'warning') return 'warning';
  return finding.code === 'OK' ? 'ok' : 'note';
}

function formatFinding(finding: Finding): string {
  const head = `  ${label(finding).padEnd(INDENT.length - 3)} `;
  if (finding.check === 'composition' && finding.code !== 'OK') {
    const issue = { code: finding.code, message: finding.message, subgraphs: finding.subgraphs ?? [], coordinates: finding.path ? [finding.path] : [], locations: finding.locations ?? [] };
    const [first, ...rest] = compositionIssueLines(issue, finding.severity === 'error');
    return [`${head}${first}`, ...rest.map((line) => `${INDENT}${line}`)].join('\n');
  }
  // A classified change leads with its type and path: what an acknowledgement names.
  const lines = [finding.classification ? `${head}${finding.code} ${finding.path ?? ''}`.trimEnd() + `: ${finding.message}` : `${head}${finding.message}`];
  if (finding.classification === 'breaking' && finding.check === 'api') {
    const operations = finding.operations ?? [];
    lines.push(`${INDENT}${operations.length > 0 ? `breaks ${describeOperations(operations)}` : 'breaks no operation in clients/ (frontends elsewhere may still use it)'}`);
  }
  if (finding.acknowledged) lines.push(`${INDENT}acknowledged: ${finding.acknowledged}`);
  else if (finding.classification === 'breaking' && finding.path) lines.push(`${INDENT}to accept it, add to ${ACKNOWLEDGEMENTS_FILE}: ${acknowledgementFor(finding)}`);
  if (finding.locations?.length && finding.check !== 'acknowledgements') lines.push(`${INDENT}at ${finding.locations.join(', ')}`);
  return lines.join('\n');
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The plain report for a CI log: one section per check, then one verdict line. */
export function formatReport(result: CheckResult): string {
  const out = [`Schema check (base: ${result.base})`];
  for (const check of Object.keys(CHECKS) as CheckName[]) {
    const findings = result.findings.filter((finding) => finding.check === check);
    if (findings.length === 0) continue;
    out.push('', CHECKS[check], ...findings.map(formatFinding));
  }
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  out.push('', `Schema check ${errors > 0 ? 'FAILED' : 'passed'}: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`);
  return out.join('\n');
}
