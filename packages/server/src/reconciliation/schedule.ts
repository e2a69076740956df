/**
 * When reconciliation runs: every worker process looks, a few times per interval, for Locations
 * whose run is due, claims them (`claimDueRuns`: one process wins each) and enqueues their runs in
 * the same transaction. A Location connected for the first time is first polled between half an
 * interval and one interval later; then once per interval, however many workspaces share it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { claimDueRuns } from './checkpointStore.js';
import { firstRunAt, lookEveryMs } from './core/budget.js';
import { RECONCILIATION_QUEUE, type ReconciliationJobData } from './reconcileQueue.js';

export interface ReconciliationSchedule {
  /** Looks for due runs now (the timer does so on its own). */
  look(): Promise<string[]>;
  /** Stops looking; waits for a look in progress. */
  stop(): Promise<void>;
}

/**
 * Starts looking for due runs every `lookEveryMs(intervalMs)`.
 *
 * @example const schedule = scheduleReconciliation({ db, queue, logger, intervalMs: 300_000 });
 */
export function scheduleReconciliation(deps: {
  db: Kysely<DB>;
  queue: JobQueue;
  logger: Logger;
  intervalMs: number;
}): ReconciliationSchedule {
  const { db, queue, intervalMs } = deps;
  let looking: Promise<string[]> = Promise.resolve([]);

  const claim = () =>
    db.transaction().execute(async (trx) => {
      const now = new Date();
      const due = await claimDueRuns(trx, {
        now,
        intervalMs,
        firstRunAt: (locationId) => new Date(firstRunAt(locationId, now.getTime(), intervalMs)),
      });
      for (const locationId of due) {
        await queue.enqueue<ReconciliationJobData>(
          trx,
          RECONCILIATION_QUEUE,
          { locationId },
          { singletonKey: locationId },
        );
      }
      return due;
    });

  const look = () =>
    (looking = looking.then(claim).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'could not look for due reconciliation runs');
      return [];
    }));

  const timer = setInterval(() => void look(), lookEveryMs(intervalMs));
  timer.unref();
  void look();
  return {
    look,
    async stop() {
      clearInterval(timer);
      await looking;
    },
  };
}
