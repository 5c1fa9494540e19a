import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks, 100 per second on every common kernel. */
const TICKS_PER_SECOND = 100;

/** utime + stime (+ the reaped children's, which is where finished PostgreSQL backends end up) of one process, in ms. */
export function processCpuMs(pid: number | string, withReapedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (in parentheses): utime, stime, cutime, cstime are the 12th to 15th.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (withReapedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * CPU time used so far by every PostgreSQL and Redis server process on this machine, in ms: a
 * server-wide figure, so it includes whatever else uses them. NaN without /proc.
 */
export function serverCpuMs(): { postgres: number; redis: number } {
  const total = { postgres: 0, redis: 0 };
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return { postgres: NaN, redis: NaN };
  }
  for (const pid of entries) {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === 'postgres') total.postgres += processCpuMs(pid, true) || 0;
    else if (comm === 'redis-server') total.redis += processCpuMs(pid) || 0;
  }
  return total;
}

/**
 * CPU time used so far by each PostgreSQL backend serving a database whose name contains
 * `database` (a backend's process title names its database), in ms by pid: one run's own share of
 * a server that other work shares too. Compare two readings with `cpuSince`.
 */
export function backendCpuMs(database: string): Map<string, number> {
  const backends = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
    } catch {
      continue;
    }
    backends.set(pid, processCpuMs(pid) || 0);
  }
  return backends;
}

/**
 * CPU used between two readings by the processes of the second: a backend that started meanwhile
 * counts in full, one that exited meanwhile (its pool closed an idle connection) is left out
 * rather than subtracted.
 */
export function cpuSince(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
