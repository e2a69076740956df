/**
 * `ghl-bridge` processes under a supervisor, as systemd or Kubernetes would run them: each role
 * keeps its number of processes, and a process that dies — SIGKILLed by the test or exiting on
 * its own — is replaced by a fresh one at once. Exits the test did not cause are recorded with
 * the end of their output.
 */
import { spawnCli, type CliProcess } from '../processes.js';
import { waitFor } from '../waitFor.js';
import { reaper } from './reaper.js';

export interface Role {
  /** What the process is, in reports: `api`, `worker`, `server`. */
  name: string;
  args: string[];
  /** Output that says the process is at work; a first group, if any, is its API's base URL. */
  ready: RegExp;
  /** Never kill the last ready process of this role (replicas behind a load balancer). */
  keepOneReady?: boolean;
}

export interface Member {
  role: Role;
  process: CliProcess;
  /** When it was spawned (ms since the epoch). */
  spawnedAt: number;
  /** When it became ready; undefined while it starts. */
  readyAt: number | undefined;
  /** The API's base URL, for a role that serves one; set once ready. */
  url: string | undefined;
}

export interface UnexpectedExit {
  role: string;
  /** `starting` when it never got ready (e.g. its database was down), else `running`. */
  phase: 'starting' | 'running';
  code: number | null;
  signal: string | null;
  /** The last error line of its output (`Error: …`), or its last line. */
  reason: string;
  /** The end of its output. */
  output: string;
}

export interface Kills {
  /** By role. */
  byRole: Record<string, number>;
  /** Of processes still starting (migrating, opening the database, starting the queue). */
  whileStarting: number;
  total: number;
}

export interface Fleet {
  /**
   * Starts `count` more processes of `role`, each replaced whenever it dies; resolves when they
   * are ready (or, having died while starting, replaced).
   */
  add(role: Role, count: number): Promise<void>;
  /** The live processes, starting or ready. */
  alive(): Member[];
  /** The ready processes, of one role or all. */
  ready(role?: string): Member[];
  /** Waits until a process (of `role`) is ready. */
  someReady(role?: string, timeoutMs?: number): Promise<Member[]>;
  /** SIGKILLs `member`; its replacement starts at once. */
  kill(member: Member): Promise<void>;
  kills(): Kills;
  unexpectedExits(): UnexpectedExit[];
  /** How long each process took from spawn to ready, ms. */
  startupTimes(): number[];
  /** Stops replacing processes and sends every one `signal`; resolves when all have exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** A process that exits while starting is restarted after this pause, not in a tight loop. */
const RESTART_PAUSE_MS = 500;
/** Longer than a worker's own graceful stop (10 s for the jobs in hand). */
const STOP_GRACE_MS = 20_000;
/** The end of a process's output kept with an unexpected exit. */
const OUTPUT_TAIL = 4_000;

/**
 * @example
 * const fleet = supervisedFleet(env);
 * await fleet.add({ name: 'worker', args: ['worker'], ready: /is processing jobs/ }, 2);
 * await fleet.kill(fleet.ready('worker')[0]!);
 */
export function supervisedFleet(env: Record<string, string>): Fleet {
  const members = new Set<Member>();
  const killed = new WeakSet<Member>();
  const kills: Kills = { byRole: {}, whileStarting: 0, total: 0 };
  const exits: UnexpectedExit[] = [];
  const startups: number[] = [];
  let supervising = true;

  const spawn = (role: Role): Promise<void> => {
    const member: Member = {
      role,
      process: spawnCli(role.args, env),
      spawnedAt: Date.now(),
      readyAt: undefined,
      url: undefined,
    };
    members.add(member);
    const { pid } = member.process.child;
    if (pid !== undefined) reaper().watch(pid);
    void member.process.exited.then(async () => {
      members.delete(member);
      if (pid !== undefined) reaper().forget(pid);
      if (!killed.has(member)) {
        const { exitCode: code, signalCode: signal } = member.process.child;
        const output = member.process.output();
        exits.push({
          role: role.name,
          phase: member.readyAt === undefined ? 'starting' : 'running',
          code,
          signal,
          reason: exitReason(output),
          output: output.slice(-OUTPUT_TAIL),
        });
        await new Promise((resolve) => setTimeout(resolve, RESTART_PAUSE_MS));
      }
      // A replacement that never gets ready shows as a wait for a ready process timing out.
      if (supervising) spawn(role).catch(() => undefined);
    });
    return waitFor(
      () => {
        if (!members.has(member)) return true;
        const match = role.ready.exec(member.process.output());
        if (!match) return false;
        member.url = match[1];
        member.readyAt = Date.now();
        startups.push(member.readyAt - member.spawnedAt);
        return true;
      },
      { what: `ghl-bridge ${role.args.join(' ')} to be ready`, timeoutMs: 120_000 },
    ).then(() => undefined);
  };

  const ready = (role?: string) =>
    [...members].filter((m) => m.readyAt !== undefined && (!role || m.role.name === role));

  return {
    async add(role, count) {
      await Promise.all(Array.from({ length: count }, () => spawn(role)));
    },
    alive: () => [...members].filter((m) => !killed.has(m)),
    ready,
    someReady(role, timeoutMs = 120_000) {
      return waitFor(() => ready(role).length > 0 && ready(role), {
        what: `a ghl-bridge ${role ?? ''} process ready`,
        timeoutMs,
        intervalMs: 20,
      });
    },
    async kill(member) {
      if (!members.has(member) || killed.has(member)) return;
      killed.add(member);
      kills.byRole[member.role.name] = (kills.byRole[member.role.name] ?? 0) + 1;
      if (member.readyAt === undefined) kills.whileStarting++;
      kills.total++;
      await member.process.kill('SIGKILL');
    },
    kills: () => ({ ...kills, byRole: { ...kills.byRole } }),
    unexpectedExits: () => [...exits],
    startupTimes: () => [...startups],
    async stop(signal) {
      supervising = false;
      await Promise.all(
        [...members].map(async (member) => {
          killed.add(member);
          // A graceful stop waits for the jobs in hand, a bounded time; past it, no more waiting.
          const late = setTimeout(() => void member.process.kill('SIGKILL'), STOP_GRACE_MS);
          await member.process.kill(signal);
          clearTimeout(late);
        }),
      );
    },
  };
}

function exitReason(output: string): string {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const errors = lines.filter((line) => /^\w*Error\b/.test(line));
  return (errors.at(-1) ?? lines.at(-1) ?? '(no output)').slice(0, 300);
}
