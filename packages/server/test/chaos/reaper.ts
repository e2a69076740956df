/**
 * A watchdog for what a chaos run starts: a small child process that, when this process ends
 * without cleaning up (a test timeout tears its worker down; a crash), SIGKILLs the processes it
 * was told about and runs the commands it was given (stopping a PostgreSQL server). A supervised
 * fleet left behind would go on restarting itself on a machine others test on.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Reaper {
  /** Kill `pid` if this process dies first. */
  watch(pid: number): void;
  /** `pid` exited: never kill it (the number may be reused). */
  forget(pid: number): void;
  /** Run `command` (argv) if this process dies first, until `cancel`. */
  onDeath(command: string[]): { cancel(): void };
}

/** Reads `watch <pid>`, `forget <pid>`, `run <id> <json argv>`, `cancel <id>`; acts at EOF. */
const WATCHDOG = `
const { execFileSync } = require('node:child_process');
const pids = new Set();
const commands = new Map();
let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let end;
  while ((end = buffer.indexOf('\\n')) >= 0) {
    const line = buffer.slice(0, end);
    buffer = buffer.slice(end + 1);
    const [verb, id, ...rest] = line.split(' ');
    if (verb === 'watch') pids.add(Number(id));
    else if (verb === 'forget') pids.delete(Number(id));
    else if (verb === 'run') commands.set(id, JSON.parse(rest.join(' ')));
    else if (verb === 'cancel') commands.delete(id);
  }
});
process.stdin.on('end', () => {
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch {}
  }
  for (const [file, ...args] of commands.values()) {
    try { execFileSync(file, args, { stdio: 'ignore', timeout: 30000 }); } catch {}
  }
  process.exit(0);
});
`;

let shared: { child: ChildProcess; next: number } | undefined;

/**
 * The watchdog of this process, started on first use.
 *
 * @example
 * reaper().watch(child.pid!);
 * child.once('exit', () => reaper().forget(child.pid!));
 */
export function reaper(): Reaper {
  if (!shared) {
    const child = spawn(process.execPath, ['-e', WATCHDOG], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    // Neither the watchdog nor its pipe keeps this process alive.
    child.unref();
    (child.stdin as unknown as { unref(): void }).unref();
    shared = { child, next: 1 };
  }
  const state = shared;
  const send = (line: string) => state.child.stdin!.write(`${line}\n`);
  return {
    watch: (pid) => send(`watch ${pid}`),
    forget: (pid) => send(`forget ${pid}`),
    onDeath(command) {
      const id = state.next++;
      send(`run ${id} ${JSON.stringify(command)}`);
      return { cancel: () => send(`cancel ${id}`) };
    },
  };
}
