/**
 * CPU time and resident memory of processes, read from /proc (Linux): what a process and its
 * PostgreSQL backends cost, measured from outside them.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

let ticks: number | undefined;
/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
function ticksPerSecond(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

interface Stat {
  ppid: number;
  /** utime + stime, in ms. */
  ownMs: number;
  /** cutime + cstime: children that ended and were waited for, in ms. */
  childrenMs: number;
}

function stat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces; the fields after it are plain numbers.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ms = (i: number) => (Number(fields[i]) * 1000) / ticksPerSecond();
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
  return { ppid: Number(fields[1]), ownMs: ms(11) + ms(12), childrenMs: ms(13) + ms(14) };
}

/** CPU time (user + system) a process has used so far, in ms; 0 once it is gone. */
export function cpuMs(pid: number): number {
  return stat(pid)?.ownMs ?? 0;
}

/**
 * CPU time of a process and all its children, live or ended, in ms: for PostgreSQL's postmaster,
 * every backend's time (an ended backend's moves into the postmaster's children time).
 * `except` leaves out live children (e.g. the benchmark's own connection).
 */
export function treeCpuMs(pid: number, except: ReadonlySet<number> = new Set()): number {
  const parent = stat(pid);
  if (!parent) return 0;
  let total = parent.ownMs + parent.childrenMs;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = Number(entry);
    if (except.has(child)) continue;
    const s = stat(child);
    if (s?.ppid === pid) total += s.ownMs;
  }
  return total;
}

/** Resident set size in MB; 0 once the process is gone. */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Proportional set size in MB: shared pages split among the processes sharing them. */
function pssMb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = /^Pss:\s+(\d+)/m.exec(rollup)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Memory of a process and its live children, in MB, counting shared pages once (proportional
 * set sizes): PostgreSQL's backends all map the same shared buffers.
 */
export function treePssMb(pid: number): number {
  let total = pssMb(pid);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && stat(Number(entry))?.ppid === pid) total += pssMb(Number(entry));
  }
  return total;
}

/**
 * The machine's load average over 1, 5 and 15 minutes, for a run's notes: latency taken on a busy
 * machine is inflated by waiting for a core.
 *
 * @example `load average (1/5/15 min) ${loadAverages()}` // '0.4 / 0.6 / 0.7'
 */
export function loadAverages(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
}
