import { readdirSync, readFileSync } from 'node:fs';

interface ProcessStat {
  pid: number;
  state: string;
  ppid: number;
  pgid: number;
}

/** Every process's state, parent and group, from /proc (empty where there is no /proc). */
function processes(): ProcessStat[] {
  const found: ProcessStat[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
      const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      found.push({ pid: Number(entry), state: state!, ppid: Number(ppid), pgid: Number(pgid) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The pids of a process and all its descendants. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const { pid, ppid } of processes()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const visit = (pid: number) => {
    found.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return found;
}

/** The live processes of a process group (zombies waiting to be reaped do not count: they hold nothing). */
export function groupMembers(pgid: number): number[] {
  return processes()
    .filter((stat) => stat.pgid === pgid && stat.state !== 'Z')
    .map((stat) => stat.pid);
}

/** Sends a signal to a process or group, ignoring that it is already gone. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Whether a process runs (a zombie waiting to be reaped does not). */
export function isAlive(pid: number): boolean {
  return processes().some((stat) => stat.pid === pid && stat.state !== 'Z');
}

/** The parent of a running process, if it runs. */
export function parentOf(pid: number): number | undefined {
  return processes().find((stat) => stat.pid === pid)?.ppid;
}

/** The service's entry point (`gateway/src/main.ts`, `subgraphs/<name>/src/main.ts`) by its name. */
export const serviceEntry = (name: string): string => (name === 'gateway' ? 'gateway/src/main.ts' : `subgraphs/${name}/src/main.ts`);

/**
 * Among a process and its descendants, the node process that runs a service's main.ts (not the
 * tsx process above it, which only starts it and passes signals on).
 */
export function serviceProcess(root: number, name: string): number | undefined {
  const entry = serviceEntry(name);
  return descendants(root).find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.some((arg) => arg.endsWith(entry)) && !args.some((arg) => arg.endsWith('cli.mjs'));
    } catch {
      return false;
    }
  });
}
