/**
 * What one reconciliation run of a Location did, as the log line, the checkpoint row and
 * `GET /v1/workspaces/:ws/highlevel-reconciliation` show it: the HighLevel calls it made (429s
 * among them), what it read, what it told the app, and why it stopped.
 */
import type { RecordKind } from './recordState.js';

/** The parts of a run, in the order they run; each may finish (`complete`) or stop short. */
export type RunPart = 'appointments' | 'tasks' | 'contacts';

/**
 * `done`: every part ran to its end. `budget`: the run used its share of calls; `time`: its time
 * ran out; the next run goes on from the checkpoint. `error`: a part could not read HighLevel
 * (`errors` says why).
 */
export type RunStop = 'done' | 'budget' | 'time' | 'error';

export interface RunSummary {
  startedAt: string;
  finishedAt: string;
  intervalSeconds: number;
  budgetShare: number;
  /** Calls the run was allowed. */
  maxCalls: number;
  /** HighLevel requests made, retries included. */
  calls: number;
  /** Of those, answered 429. */
  throttled: number;
  /** Of those, answered with an error or not at all (429s included). */
  failedCalls: number;
  /** Records read from HighLevel. */
  read: { calendars: number; appointments: number; contacts: number; notes: number; tasks: number };
  /** Changes the run told the app of (none of them told before by a webhook). */
  told: Record<RecordKind, number>;
  complete: Record<RunPart, boolean>;
  stoppedBy: RunStop;
  errors: string[];
}

/**
 * A summary with nothing counted yet.
 *
 * @example emptyRunSummary({ startedAt: new Date(), intervalSeconds: 300, budgetShare: 0.1, maxCalls: 300 })
 */
export function emptyRunSummary(run: {
  startedAt: Date;
  intervalSeconds: number;
  budgetShare: number;
  maxCalls: number;
}): RunSummary {
  return {
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.startedAt.toISOString(),
    intervalSeconds: run.intervalSeconds,
    budgetShare: run.budgetShare,
    maxCalls: run.maxCalls,
    calls: 0,
    throttled: 0,
    failedCalls: 0,
    read: { calendars: 0, appointments: 0, contacts: 0, notes: 0, tasks: 0 },
    told: { appointment: 0, contact: 0, note: 0, task: 0 },
    complete: { appointments: false, contacts: false, tasks: false },
    stoppedBy: 'done',
    errors: [],
  };
}

/**
 * Why a run stopped, from whether the budget cut it short and the errors of its parts.
 *
 * @example runStop(undefined, []) // 'done'
 */
export function runStop(
  cutShort: 'budget' | 'time' | undefined,
  errors: readonly string[],
): RunStop {
  return cutShort ?? (errors.length > 0 ? 'error' : 'done');
}
