/**
 * One chaos run of the booking sync, the same for the integration test (CI-sized) and the
 * `chaos` benchmark (100 kills and more): salons' booking apps post seeded booking traffic
 * through the bridge's HTTP API on a real port while HighLevel, emulated on a real port,
 * misbehaves (`faultSchedule.ts`) and `ghl-bridge` processes (`deployment.ts`) are SIGKILLed at
 * seeded random moments (`killSchedule.ts`), each replaced by a fresh one (`fleet.ts`); on
 * PostgreSQL the database is restarted once too.
 *
 * Then the kills end, the faults end, and the last processes finish the work; jobs the queue gave
 * up on (crashes burn attempts) are retried as a user would. What HighLevel and the database hold
 * then is compared with what the traffic should give (`endState.ts`): the run returns the figures
 * and every difference, and asserts nothing itself.
 */
import { createEmulator, startServer } from '@ghl-bridge/emulator';
import { bookingTraffic, seededRandom } from '../bookingChanges.js';
import { apiClient, type Resent } from './apiClient.js';
import { startBookingApp } from './bookingApp.js';
import { deploy, type ChaosBackend } from './deployment.js';
import {
  checkDatabase,
  checkHighLevel,
  differences,
  type DatabaseCheck,
  type Differences,
  type HighLevelCheck,
} from './endState.js';
import { faultSchedule, type FaultHits } from './faultSchedule.js';
import { supervisedFleet, type Fleet, type UnexpectedExit } from './fleet.js';
import { killAtRandom, type KillPlan } from './killSchedule.js';
import { drainRetryingFailed, openSalons, someDone, type FailedJob } from './syncProgress.js';

export type { ChaosBackend } from './deployment.js';
export { NO_POSTGRES } from './deployment.js';
export { EXACT } from './endState.js';

export interface ChaosOptions extends KillPlan {
  backend: ChaosBackend;
  seed: number;
  customers: number;
  changes: number;
  /** Workspaces, each its own HighLevel Location (and its own 100 requests per 10 s). */
  salons: number;
  /** The booking apps spread their posts over about this long. */
  trafficMs: number;
  /**
   * Faults go on until 80% of the sync is done, or until this long before the end of the budget,
   * kept for the last of the work.
   */
  drainReserveMs: number;
  /** The whole run; the drains get what is left of it. */
  budgetMs: number;
  log?: (line: string) => void;
}

export interface ChaosOutcome {
  backend: ChaosBackend;
  seed: number;
  /** SIGKILLs by role (`api`, `worker`, `server`). */
  kills: Record<string, number>;
  killsTotal: number;
  /** Kills of a process still starting. */
  killsWhileStarting: number;
  /** Kills of an API process while a booking post to it was in flight. */
  killsMidRequest: number;
  postgresRestarts: number;
  /** Booking changes posted (a post sent again counted once). */
  changes: number;
  /** Distinct bookings in the traffic (the database should hold as many). */
  bookingsPosted: number;
  /** Final answers to the posts, by status. */
  answers: Record<number, number>;
  /** Posts the booking app sent again. */
  resent: Resent;
  /** How long a booking change took to get its answer (median, slowest), ms. */
  postMs: { median: number; max: number };
  highLevel: HighLevelCheck;
  database: DatabaseCheck;
  /** What differs from an exact end state (`EXACT` when nothing does). */
  differences: Differences;
  /** Sync jobs the queue gave up on, retried by the run. */
  givenUp: FailedJob[];
  /** On PostgreSQL, the jobs in hand at the first crash, put on their last attempt. */
  lastAttempt: string[];
  faultHits: FaultHits;
  /** Processes that died without being killed (each replaced). */
  unexpectedExits: UnexpectedExit[];
  /** Since the start: when the faults stopped, when the sync was drained, the whole run. */
  seconds: { faultsOff: number; drained: number; total: number };
}

/**
 * A run of `kills` on `backend`, the traffic sized to it. A process is killed once up for at
 * least 2 s (a quarter of the kills hit one still starting). On PostgreSQL a kill comes every
 * 1–3 s, one API and one worker always at work, and takes about 2.5 s of the run: 12 booking
 * changes per kill. On PGlite (one process) a kill comes every 1.5–4 s and takes about 8 s: 20
 * changes per kill. Five changes per customer and 15 customers per salon: each salon's booking
 * app posts one change at a time, and its Location has its own rate limit.
 *
 * @example
 * const outcome = await runChaos({ ...chaosRun('pglite', 12), seed: 1 });
 */
export function chaosRun(backend: ChaosBackend, kills: number): Omit<ChaosOptions, 'seed'> {
  const postgres = backend === 'postgres';
  const changes = kills * (postgres ? 12 : 20);
  const customers = Math.ceil(changes / 5);
  const killEveryMs = postgres ? ([1_000, 3_000] as const) : ([1_500, 4_000] as const);
  const minUptimeMs = 2_000;
  return {
    backend,
    kills,
    changes,
    customers,
    salons: Math.ceil(customers / 15),
    killEveryMs,
    minUptimeMs,
    // Half as long as the kills take: posts wait while no API is up.
    trafficMs: (kills * (postgres ? 2_500 : 8_000)) / 2,
    drainReserveMs: 45_000,
    // A kill takes up to ~15 s of the run on a busy machine (a restart, then 2 s at work).
    budgetMs: 180_000 + kills * 15_000,
  };
}

/**
 * @example
 * const outcome = await runChaos({ ...chaosRun('postgres', 100), seed: 42, log: console.log });
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosOutcome> {
  const started = Date.now();
  const deadline = started + options.budgetMs;
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const log = (line: string) => options.log?.(`[chaos ${options.backend}] ${elapsed()} s: ${line}`);
  const { seed } = options;
  const traffic = bookingTraffic(seededRandom(seed), {
    customers: options.customers,
    changes: options.changes,
    groups: options.salons,
  });
  const random = seededRandom(seed + 2);
  // HighLevel's own limit is not what this run is about: its 429s come as faults.
  const emulator = createEmulator({ limits: { burst: 100_000 }, random: seededRandom(seed + 1) });
  const highLevel = await startServer(emulator, { port: 0 });
  const teardown: Array<() => Promise<unknown>> = [() => highLevel.close()];
  let supervisor: Fleet | undefined;
  try {
    const deployment = await deploy(options.backend, highLevel.url);
    teardown.unshift(() => deployment.destroy());
    const fleet = supervisedFleet(deployment.env);
    supervisor = fleet;
    teardown.unshift(() => fleet.stop('SIGKILL'));
    await Promise.all(deployment.roles.map(({ role, count }) => fleet.add(role, count)));
    // A load balancer in front of the API processes up at the moment.
    const balance = seededRandom(seed + 3);
    const apiUrl = async () => {
      const up = await fleet.someReady(deployment.apiRole.name, deadline - Date.now());
      return up[Math.floor(balance() * up.length)]!.url!;
    };
    const admin = apiClient({ apiUrl, random: seededRandom(seed + 4), deadline });
    const salons = await openSalons(admin, emulator, options.salons);
    log(`${fleet.ready().length} processes up, ${options.salons} salons connected`);

    const faults = faultSchedule(emulator, random);
    const posts = apiClient({ apiUrl, random: seededRandom(seed + 5), deadline });
    const app = startBookingApp({
      api: posts,
      events: traffic.events,
      workspaceIds: salons.map((s) => s.id),
      random: seededRandom(seed + 6),
      paceMs: options.trafficMs / (options.changes / options.salons),
    });
    // A post that never gets through fails the run, after the kills or during them.
    let trafficFailed: Error | undefined;
    const posted = app.done.catch((error: unknown) => {
      trafficFailed = error as Error;
    });
    const schedule = await killAtRandom({
      plan: options,
      deployment,
      fleet,
      posts,
      trafficDone: () => app.finished() || trafficFailed !== undefined,
      random,
      deadline,
      log,
    });
    await posted;
    if (trafficFailed) throw trafficFailed;
    log(`traffic done: answers ${JSON.stringify(app.answers())}`);

    // Faults go on until most of the work went through them, then the last processes finish.
    await someDone(admin, salons, 0.8, deadline - options.drainReserveMs - Date.now());
    const faultHits = faults.stop();
    const faultsOff = elapsed();
    log(`faults off: hits ${JSON.stringify(faultHits)}`);
    // Crashes burn attempts: the jobs the queue gave up on are `failed`, and a user retries them.
    const givenUp = await drainRetryingFailed(admin, salons, deadline);
    const drained = elapsed();
    log(`drained, ${givenUp.length} given up and retried`);
    await fleet.stop('SIGTERM');

    const database = await deployment.open();
    const databaseCheck = await checkDatabase(database).finally(() => database.close());
    const highLevelCheck = checkHighLevel(emulator, salons, traffic.events);
    const bookingsPosted = new Set(traffic.events.map((e) => `${e.group}/${String(e.body.id)}`))
      .size;
    const killed = fleet.kills();
    return {
      backend: options.backend,
      seed,
      kills: killed.byRole,
      killsTotal: killed.total,
      killsWhileStarting: killed.whileStarting,
      killsMidRequest: schedule.midRequest,
      postgresRestarts: schedule.databaseRestarts,
      changes: traffic.events.length,
      bookingsPosted,
      answers: app.answers(),
      resent: posts.resent(),
      postMs: spread(app.postTimes()),
      highLevel: highLevelCheck,
      database: databaseCheck,
      differences: differences(highLevelCheck, databaseCheck, bookingsPosted),
      givenUp,
      lastAttempt: schedule.lastAttempt,
      faultHits,
      unexpectedExits: fleet.unexpectedExits(),
      seconds: { faultsOff, drained, total: elapsed() },
    };
  } catch (error) {
    // What the processes that died on their own said last.
    const exits = (supervisor?.unexpectedExits() ?? [])
      .slice(-2)
      .map(
        (exit) =>
          `\n--- ${exit.role} exited while ${exit.phase} (code ${exit.code}):\n${exit.output.slice(-1_500)}`,
      );
    throw new Error(
      `chaos run on ${options.backend}, seed ${seed}: ${(error as Error).message}${exits.join('')}`,
      { cause: error },
    );
  } finally {
    for (const step of teardown) await step().catch(() => undefined);
  }
}

function spread(values: number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
