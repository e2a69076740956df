/**
 * Chaos runs of the booking sync (`packages/server/test/chaos/scenario.ts`, the same run as the
 * chaos integration test, longer): `ghl-bridge` processes SIGKILLed at seeded random moments
 * under HighLevel faults, on PostgreSQL (`start --no-worker` and `worker` processes, a server of
 * the run's own restarted once) and on PGlite (`start`), then what HighLevel and the database
 * hold against what the traffic should give.
 *
 * `BENCH_CHAOS_KILLS` kills per run (default 100), `BENCH_CHAOS_BACKENDS` (default
 * `postgres,pglite`), `BENCH_CHAOS_SEED` to replay a run's traffic and schedule. A run of 100
 * kills takes about 5 minutes on PostgreSQL and 10 on PGlite. The figures say whether the run
 * ended exact (duplicates 0, lost 0, …); when it did not, the notes list each difference.
 */
import { cpus } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import {
  chaosRun,
  EXACT,
  runChaos,
  type ChaosBackend,
  type ChaosOutcome,
} from '../packages/server/test/chaos/scenario.js';
import type { Bench } from './report.js';

function envKills(): number {
  const raw = process.env.BENCH_CHAOS_KILLS;
  if (raw === undefined || raw === '') return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 3) {
    throw new Error(`BENCH_CHAOS_KILLS must be a whole number of 3 or more, got "${raw}"`);
  }
  return value;
}

function envBackends(): ChaosBackend[] {
  const raw = process.env.BENCH_CHAOS_BACKENDS || 'postgres,pglite';
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names) {
    if (name !== 'postgres' && name !== 'pglite') {
      throw new Error(`BENCH_CHAOS_BACKENDS lists "${name}"; expected postgres, pglite or both`);
    }
  }
  return names as ChaosBackend[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Processes that died on their own by role, phase and reason: `worker while running: … (×2)`. */
function exitSummary(outcome: ChaosOutcome): string {
  const counts = new Map<string, number>();
  for (const exit of outcome.unexpectedExits) {
    const key = `${exit.role} while ${exit.phase}: ${exit.reason}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} (×${n})`).join('; ');
}

/** The given-up jobs' reasons, their counts in words: `Gave up after 7 attempts: … (×3)`. */
function givenUpSummary(outcome: ChaosOutcome): string {
  const counts = new Map<string, number>();
  for (const job of outcome.givenUp) {
    // The first clause says why; the rest names the job and how to retry it.
    const reason = (job.reason ?? '(no reason)').split(' — ')[0]!;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, n]) => `"${reason}" (×${n})`).join('; ');
}

const bench: Bench = async () => {
  const kills = envKills();
  const rows: Array<Record<string, string | number>> = [];
  const notes: string[] = [];
  for (const backend of envBackends()) {
    const seed = Number(process.env.BENCH_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const outcome = await runChaos({
      ...chaosRun(backend, kills),
      seed,
      log: (line) => console.error(line),
    });
    const { highLevel, database, differences } = outcome;
    rows.push({
      backend,
      seed,
      kills: outcome.killsTotal,
      'kills by role': Object.entries(outcome.kills)
        .map(([role, n]) => `${role} ${n}`)
        .join(', '),
      'kills while starting': outcome.killsWhileStarting,
      'API kills mid-request': outcome.killsMidRequest,
      'PostgreSQL restarts': outcome.postgresRestarts,
      'booking changes': outcome.changes,
      bookings: database.bookings,
      customers: highLevel.customers,
      contacts: highLevel.contacts,
      duplicates: differences.duplicates,
      lost: differences.lost,
      'customers inexact': differences.mismatches.length,
      'not synced': differences.unsynced.length,
      'jobs left': differences.queuedJobs,
      'posts sent again': sum(Object.values(outcome.resent) as number[]),
      'given up, retried': outcome.givenUp.length,
      'unexpected exits': outcome.unexpectedExits.length,
      'faults hit': sum(Object.values(outcome.faultHits) as number[]),
      's faults off': outcome.seconds.faultsOff,
      's drained': outcome.seconds.drained,
    });
    notes.push(
      `${backend}: posts sent again ${JSON.stringify(outcome.resent)}; time to an answer ${JSON.stringify(outcome.postMs)} ms; answers ${JSON.stringify(outcome.answers)}; fault hits ${JSON.stringify(outcome.faultHits)}.`,
    );
    if (outcome.givenUp.length > 0) {
      notes.push(`${backend}: sync jobs given up on, then retried: ${givenUpSummary(outcome)}.`);
    }
    if (outcome.unexpectedExits.length > 0) {
      notes.push(`${backend}: processes that died on their own: ${exitSummary(outcome)}.`);
    }
    if (!isDeepStrictEqual(differences, EXACT)) {
      notes.push(
        `${backend} (seed ${seed}) did not end exact: ${JSON.stringify({ ...differences, mismatches: differences.mismatches.slice(0, 20) }, null, 1)}`,
      );
    }
  }
  notes.push(
    `Sizes: 12 booking changes per kill on PostgreSQL, 20 on PGlite; 5 per customer, 15 customers per salon. Every kill a SIGKILL; on PostgreSQL the first takes both workers. ${process.version}, ${cpus().length} CPUs.`,
  );
  return { name: `chaos (${kills} kills per run)`, rows, notes };
};

export default bench;
