/**
 * An exclusive lock on an embedded data directory. PGlite has no lock of its own: two processes on
 * one directory silently lose each other's commits (measured:
 * docs/architecture.md#measured-caveats), so the server takes this lock before opening the database
 * and refuses to start when another live process holds it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'ghl-bridge.lock';

/** Lock files this process holds; a file naming our pid but not listed here is from a former life (pid 1 in a container). */
const heldHere = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? '') };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

/**
 * Takes the lock on `dir` (creating the directory), or throws `DataDirLockedError` naming the
 * process that holds it. A lock left by a process that no longer runs (after a crash or SIGKILL)
 * is taken over. Returns the release function.
 *
 * @example
 * const release = lockDataDir('./.ghl-bridge');
 * try { ... } finally { release(); }
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.host !== me.host) {
        throw new DataDirLockedError(
          `The data directory ${resolve(dir)} is locked by ghl-bridge pid ${holder.pid} on host ${holder.host} (since ${holder.since}). ` +
            `Only one process may use an embedded database. If that process is gone, delete ${resolve(path)}; to run several processes, use PostgreSQL (DATABASE_URL).`,
        );
      }
      if (holder && holder.pid === me.pid && heldHere.has(resolve(path))) {
        throw new DataDirLockedError(
          `The data directory ${resolve(dir)} is already open in this process.`,
        );
      }
      if (holder && holder.pid !== me.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(
          `Another ghl-bridge process (pid ${holder.pid}, since ${holder.since}) is already using the data directory ${resolve(dir)}. ` +
            `Stop it first or choose another --data-dir; to run several processes on one database, use PostgreSQL (DATABASE_URL).`,
        );
      }
      unlinkSync(path);
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    heldHere.add(resolve(path));
    return () => {
      heldHere.delete(resolve(path));
      if (readHolder(path)?.pid === me.pid) unlinkSync(path);
    };
  }
  throw new DataDirLockedError(`Could not lock the data directory ${resolve(dir)}; try again.`);
}
