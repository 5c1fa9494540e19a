import type { AuditLine } from './audit-line';
import type { FaultKind, InjectedFault } from './faults';
import type { LoadOutcome } from './shoppers';

export interface ChaosReport {
  settings: Record<string, string | number>;
  load: LoadOutcome;
  statuses: Record<string, number>;
  faults: readonly InjectedFault[];
  kinds: readonly FaultKind[];
  restarts: string[];
  replayed: Record<string, number>;
  /** Orders whose dispatch and cancellation were sent together, by how each ended. */
  races: Record<string, number>;
  settleMs: number | null;
  audit: readonly AuditLine[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function chaosReport(report: ChaosReport): string {
  const out: string[] = [];
  out.push('CHAOS RUN');
  out.push(`settings: ${Object.entries(report.settings).map(([key, value]) => `${key}=${value}`).join(' ')}`);
  const { load } = report;
  out.push('');
  out.push(`orders placed: ${load.orders.length} in ${seconds(load.placedAllAt - load.startedAt)} (${[...load.abandoned].map(([reason, n]) => `${n} checkouts abandoned: ${reason}`).join('; ') || 'no checkout abandoned'}); ${load.retriedRequests} requests tried again through faults`);
  out.push(`orders by final status: ${Object.entries(report.statuses).map(([status, n]) => `${status} ${n}`).join(', ')}`);
  const plans = new Map<string, number>();
  for (const order of load.orders) plans.set(order.plan, (plans.get(order.plan) ?? 0) + 1);
  out.push(`what customers meant to do: ${[...plans].map(([plan, n]) => `${plan} ${n}`).join(', ')}; declined cards ${load.orders.filter((order) => order.paymentToken !== 'tok_visa').length}`);
  const races = Object.values(report.races).reduce((sum, n) => sum + n, 0);
  out.push(`dispatch and cancellation sent together: ${races} orders, ending ${Object.entries(report.races).map(([status, n]) => `${status} ${n}`).join(', ') || '-'}`);
  out.push('');
  out.push('faults injected (at, kind, target, back after):');
  for (const kind of report.kinds) {
    const ofKind = report.faults.filter((fault) => fault.kind === kind);
    out.push(`  ${kind.padEnd(30)} ${ofKind.length}×  ${ofKind.map((fault) => `${seconds(fault.at - load.startedAt)} ${fault.target} (${seconds(fault.recoveredAt - fault.at)})`).join(', ')}`);
  }
  out.push(`supervisor restarts: ${report.restarts.length}`);
  const replayed = Object.entries(report.replayed);
  out.push(
    `jobs that ran out of attempts during provider outages and were sent back (pnpm events retry): ${replayed.length === 0 ? 'none' : replayed.map(([type, n]) => `${type} ${n}`).join(', ')}` +
      (replayed.length
        ? '\n  expected: an order whose authorization ran out of attempts waits in AWAITING_PAYMENT (its deadline, 30 min, is longer than the run),\n  and a dispatched order waits for its capture, until an operator replays the failed jobs'
        : ''),
  );
  const lastFault = Math.max(...report.faults.map((fault) => fault.recoveredAt));
  out.push(`time to settle after the last fault: ${report.settleMs === null ? 'did not settle' : seconds(report.settleMs)} (last fault over at ${seconds(lastFault - load.startedAt)})`);
  out.push('');
  out.push('AUDIT');
  for (const auditLine of report.audit) {
    out.push(`${auditLine.passed ? 'PASS' : 'FAIL'}  ${auditLine.name}  [${auditLine.detail}]`);
    for (const id of auditLine.offending.slice(0, 10)) out.push(`        ${id}`);
    if (auditLine.offending.length > 10) out.push(`        … and ${auditLine.offending.length - 10} more`);
  }
  const failed = report.audit.filter((auditLine) => !auditLine.passed).length;
  out.push('');
  out.push(`${report.audit.length - failed} audit lines passed, ${failed} failed`);
  return out.join('\n');
}
