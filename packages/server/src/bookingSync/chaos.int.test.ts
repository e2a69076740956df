/**
 * The booking sync survives HighLevel misbehaving, its processes being SIGKILLed and its database
 * restarting (`test/chaos/scenario.ts` tells the run). Two runs side by side, 30 kills in all:
 *
 * - PostgreSQL: 25 kills of `start --no-worker` (the API, booking posts going through it over a
 *   real port, sent again by the booking app when a kill cuts them) and `worker` processes, and
 *   one restart of a PostgreSQL server of the test's own (the shared one must stay up for the
 *   other test files);
 * - PGlite: 5 kills of `start`, restarted on the same data directory.
 *
 * Each ends exact: one contact per customer, one note per booking change that earns one, the
 * fields (stats) and tags the ledger gives, every booking `synced`, no job left — sending a post
 * again never duplicated anything. `npm run bench -- chaos` is the same run with 100 kills.
 *
 * The traffic and the kill schedule come from a seed, printed at the start and in every failure
 * message; rerun one with CHAOS_SEED=<seed> (process timing still varies from run to run).
 * Without PostgreSQL's server binaries the PostgreSQL run is skipped, with the reason printed;
 * in CI (CI=true) that is an error.
 */
import { describe, it, type ExpectStatic } from 'vitest';
import {
  chaosRun,
  EXACT,
  NO_POSTGRES,
  runChaos,
  type ChaosOutcome,
} from '../../test/chaos/scenario.js';
import { postgresBinaries } from '../../test/postgresCluster.js';

const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Each run's budget; they run side by side, with other test files on the same machine. */
const BUDGET_MS = 210_000;
/** Past the budget: the run's teardown (a graceful stop waits up to 20 s). */
const TIMEOUT_MS = BUDGET_MS + 40_000;
const RUNS = { postgres: 25, pglite: 5 } as const;

const havePostgres = postgresBinaries() !== undefined;
if (!havePostgres && process.env.CI === 'true') throw new Error(`CI=true: ${NO_POSTGRES}`);
if (!havePostgres) console.warn(`[chaos] PostgreSQL run skipped. ${NO_POSTGRES}`);

describe.concurrent('booking sync under HighLevel faults, SIGKILLs and a database restart', () => {
  it.skipIf(!havePostgres)(
    `PostgreSQL: ${RUNS.postgres} kills of API and worker processes, one PostgreSQL restart`,
    { timeout: TIMEOUT_MS },
    async ({ expect }) => {
      const outcome = await run('postgres');
      expectExact(expect, outcome);
      expect(outcome.postgresRestarts, note(outcome)).toBe(1);
      expect(outcome.kills.api, note(outcome)).toBeGreaterThan(0);
      expect(outcome.kills.worker, note(outcome)).toBeGreaterThan(2);
      // The jobs in hand at the first crash were given up on, with the reason in plain words. (A
      // job whose seven attempts the kills and faults used up fails too, and is retried as well.)
      const crashed = outcome.givenUp.filter((job) => outcome.lastAttempt.includes(job.id));
      expect(crashed.length, note(outcome)).toBeGreaterThan(0);
      for (const job of crashed) {
        expect(job.reason, note(outcome)).toMatch(
          /^Gave up after \d+ attempts: the last one never finished.* retry with POST/,
        );
      }
    },
  );

  it(
    `PGlite: ${RUNS.pglite} kills of \`start\` on one data directory`,
    { timeout: TIMEOUT_MS },
    async ({ expect }) => {
      const outcome = await run('pglite');
      expectExact(expect, outcome);
      expect(outcome.kills, note(outcome)).toEqual({ server: RUNS.pglite });
    },
  );
});

async function run(backend: keyof typeof RUNS): Promise<ChaosOutcome> {
  console.log(`[chaos ${backend}] seed ${SEED} (rerun with CHAOS_SEED=${SEED})`);
  const outcome = await runChaos({
    ...chaosRun(backend, RUNS[backend]),
    seed: SEED,
    budgetMs: BUDGET_MS,
    log: (line) => console.log(line),
  });
  const { kills, killsWhileStarting, killsMidRequest, resent, postMs, givenUp, seconds } = outcome;
  console.log(
    `[chaos ${backend}] ${JSON.stringify({ kills, killsWhileStarting, killsMidRequest, resent, postMs, givenUp: givenUp.length, seconds })}`,
  );
  // A process that dies on its own is replaced, as its supervisor would; the data must not care.
  for (const exit of outcome.unexpectedExits) {
    console.warn(
      `[chaos ${backend}] a ${exit.role} process exited on its own while ${exit.phase}: ${exit.reason}`,
    );
  }
  return outcome;
}

function note(outcome: ChaosOutcome): string {
  return `${outcome.backend}, seed ${outcome.seed} (rerun with CHAOS_SEED=${outcome.seed})`;
}

function expectExact(expect: ExpectStatic, outcome: ChaosOutcome): void {
  const seed = note(outcome);
  // HighLevel: every customer once, with exactly the fields (stats), tags and notes the ledger
  // gives; the bridge: every booking kept and synced, every job done, none left in the queue.
  expect(outcome.differences, seed).toEqual(EXACT);
  expect(outcome.database.bookings, seed).toBe(outcome.bookingsPosted);
  // 202 a new version, 200 a repeat or a stale one: never an error, whatever was sent again.
  expect(Object.keys(outcome.answers).sort(), seed).toEqual(['200', '202']);
  // A database restart or a lost connection fails statements, never a running process.
  const died = outcome.unexpectedExits.filter((exit) => exit.phase === 'running');
  expect(
    died.map((exit) => `${exit.role}: ${exit.reason}`),
    seed,
  ).toEqual([]);
  // The run went through what it claims to.
  expect(outcome.killsTotal, seed).toBe(RUNS[outcome.backend]);
  expect(outcome.resent.connection, `posts cut by a kill and sent again; ${seed}`).toBeGreaterThan(
    0,
  );
  expect(outcome.faultHits.commitThenFail + outcome.faultHits.drop, seed).toBeGreaterThan(0);
  expect(outcome.faultHits.serverError, seed).toBeGreaterThan(0);
  expect(outcome.faultHits.tooManyRequests, seed).toBeGreaterThan(0);
  expect(outcome.faultHits.slowBody, seed).toBeGreaterThan(0);
}
