/**
 * The kills of a chaos run, at seeded random moments: every `killEveryMs` a process chosen at
 * random is SIGKILLed — mostly one at work (an API process at a random point of a booking post
 * in flight to it), sometimes one still starting (migrating, opening its database, starting the
 * queue). On PostgreSQL the first crash takes both workers with jobs on their last attempt, and
 * the database is restarted once along the way.
 */
import { sql } from 'kysely';
import { CONTACT_SYNC_QUEUE } from '../../src/bookingSync/syncJobStore.js';
import { waitFor } from '../waitFor.js';
import type { ApiClient } from './apiClient.js';
import type { Deployment } from './deployment.js';
import type { Fleet, Member } from './fleet.js';

/** The share of kills that hit a process still starting (when one is). */
const STARTING_SHARE = 0.25;

export interface KillPlan {
  /** SIGKILLs in all. */
  kills: number;
  /** The pause before each kill, drawn from [min, max] ms. */
  killEveryMs: readonly [number, number];
  /** A process is up this long at least (since it got ready, or it was spawned) when killed. */
  minUptimeMs: number;
}

export interface KillsDone {
  /** Kills of an API process while a booking post to it was in flight. */
  midRequest: number;
  /** On PostgreSQL, the sync jobs in hand at the first crash, put on their last attempt. */
  lastAttempt: string[];
  databaseRestarts: number;
}

/**
 * Kills until `plan.kills` are done; fails past `deadline`.
 *
 * @example
 * const done = await killAtRandom({
 *   plan, deployment, fleet, posts, trafficDone: app.finished, random, deadline, log,
 * });
 */
export async function killAtRandom(run: {
  plan: KillPlan;
  deployment: Deployment;
  fleet: Fleet;
  /** The booking app's client: kills of API processes wait for a post in flight. */
  posts: ApiClient;
  trafficDone: () => boolean;
  random: () => number;
  deadline: number;
  log: (line: string) => void;
}): Promise<KillsDone> {
  const { plan, deployment, fleet, posts, random, deadline, log } = run;
  const between = ([min, max]: readonly [number, number]) => min + random() * (max - min);
  const killed = () => fleet.kills().total;
  const startingKilledLast = new Set<string>();
  const result: KillsDone = { midRequest: 0, lastAttempt: [], databaseRestarts: 0 };
  if (deployment.roles.some(({ role }) => role.name === 'worker')) {
    result.lastAttempt = await firstCrash(deployment, fleet);
    log(
      `first crash: both workers killed, ${result.lastAttempt.length} jobs on their last attempt`,
    );
  }
  const restartAfter = deployment.restartDatabase
    ? Math.floor(plan.kills * (0.3 + random() * 0.4))
    : Infinity;
  while (killed() < plan.kills) {
    if (Date.now() > deadline) {
      throw new Error(`Only ${killed()} of ${plan.kills} kills done within the budget`);
    }
    await pause(between(plan.killEveryMs));
    if (killed() >= restartAfter && result.databaseRestarts === 0) {
      result.databaseRestarts++;
      const downMs = between([500, 2_500]);
      log(`PostgreSQL restart, down ${Math.round(downMs)} ms`);
      await deployment.restartDatabase!(downMs);
      continue;
    }
    const victim = await chooseVictim(
      fleet,
      random,
      plan.minUptimeMs,
      deadline,
      startingKilledLast,
    );
    // An API process at work dies at a random point of a booking post in flight to it.
    if (victim.url && !run.trafficDone() && (await posts.nextRequestTo(victim.url, 2_000))) {
      await pause(random() * 10);
    }
    if (victim.url && posts.inFlight(victim.url) > 0) result.midRequest++;
    if (victim.readyAt === undefined) startingKilledLast.add(victim.role.name);
    else startingKilledLast.delete(victim.role.name);
    await fleet.kill(victim);
    log(
      `killed ${victim.role.name} ${victim.readyAt === undefined ? 'while starting' : 'at work'} (${killed()} kills; last start took ${fleet.startupTimes().at(-1)} ms)`,
    );
  }
  return result;
}

/**
 * A process to kill, chosen by `random` among those that have been up (working, or still
 * starting) at least `minUptimeMs`: one still starting a quarter of the time, when there is one.
 * A role whose last kill hit a starting process waits for one at work, so that even a single
 * process gets to work between its crashes; a `keepOneReady` role keeps one at work.
 */
async function chooseVictim(
  fleet: Fleet,
  random: () => number,
  minUptimeMs: number,
  deadline: number,
  startingKilledLast: ReadonlySet<string>,
): Promise<Member> {
  const preferStarting = random() < STARTING_SHARE;
  const candidates = await waitFor(
    () => {
      const now = Date.now();
      const working: Member[] = [];
      const starting: Member[] = [];
      for (const member of fleet.alive()) {
        if (member.readyAt !== undefined) {
          const last = member.role.keepOneReady && fleet.ready(member.role.name).length < 2;
          if (now - member.readyAt >= minUptimeMs && !last) working.push(member);
        } else if (
          now - member.spawnedAt >= minUptimeMs &&
          !startingKilledLast.has(member.role.name)
        ) {
          starting.push(member);
        }
      }
      const [first, second] = preferStarting ? [starting, working] : [working, starting];
      return first.length > 0 ? first : second.length > 0 && second;
    },
    {
      what: 'a process to kill',
      timeoutMs: Math.max(1_000, deadline - Date.now()),
      intervalMs: 20,
    },
  );
  return candidates[Math.floor(random() * candidates.length)]!;
}

/**
 * pg-boss gives up on a job after 7 attempts. Rather than kill one job's worker 7 times, the jobs
 * in hand at the first crash are put on their last attempt, and both workers die: those jobs must
 * end `failed` with the reason in plain words, for a user to retry.
 */
async function firstCrash(deployment: Deployment, fleet: Fleet): Promise<string[]> {
  const database = await deployment.open();
  try {
    const { db } = database;
    await waitFor(
      async () => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
          where name = ${CONTACT_SYNC_QUEUE} and state = 'active'`.execute(db);
        return rows[0]!.n >= 2;
      },
      { what: 'jobs in hand', timeoutMs: 60_000 },
    );
    const { rows } = await sql<{ id: string }>`update pgboss.job
      set retry_limit = retry_count where name = ${CONTACT_SYNC_QUEUE} and state = 'active'
      returning data->>'syncJobId' as id`.execute(db);
    await Promise.all(fleet.ready('worker').map((worker) => fleet.kill(worker)));
    return rows.map((r) => r.id);
  } finally {
    await database.close();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
