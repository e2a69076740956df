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
import { lookEvery, type PeriodicLook } from '../queue/periodicLook.js';
import { claimDueRuns } from './checkpointStore.js';
import { firstRunAt, lookEveryMs } from './core/budget.js';
import { RECONCILIATION_QUEUE, type ReconciliationJobData } from './reconcileQueue.js';

/** Looks for due runs; `look()` claims the due Locations now. */
export type ReconciliationSchedule = PeriodicLook<string>;

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

  return lookEvery(lookEveryMs(intervalMs), claim, deps.logger, 'due reconciliation runs');
}
