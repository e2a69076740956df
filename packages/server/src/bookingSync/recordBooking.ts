/**
 * Accepting a booking event: storing its version in the ledger and creating the sync job of every
 * customer it affects happen in one transaction, so a booking is never stored without its sync,
 * nor synced without being stored.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { applyBookingVersion, type LedgerBooking, type LedgerOutcome } from './core/ledger.js';
import { syncTargets } from './core/syncTargets.js';
import {
  findBooking,
  lockStoredBooking,
  storeBookingVersion,
  type BookingRow,
} from './ledgerStore.js';
import { createSyncJob, type SyncJobRow } from './syncJobStore.js';

export interface RecordedBooking {
  outcome: LedgerOutcome;
  /** The stored row after this event (the newer one for `stale`). */
  row: BookingRow;
  /** The sync jobs this event created; empty for `duplicate` and `stale`. */
  jobs: SyncJobRow[];
}

/**
 * Stores `event` in the ledger if it is newer than the stored version of its booking, and
 * creates one sync job per affected customer (enqueued when the workspace is connected), marked
 * with `options.backfillRun` when a `ghl-bridge backfill` run stores it.
 *
 * @example
 * const { outcome } = await recordBooking(db, queue, workspaceId, event);
 */
export function recordBooking(
  db: Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  event: LedgerBooking,
  options: { backfillRun?: string } = {},
): Promise<RecordedBooking> {
  return db.transaction().execute(async (trx) => {
    const { stored, locationId } = await lockStoredBooking(trx, workspaceId, event.id);
    const ledger = new Map(stored ? [[event.id, stored.payload as LedgerBooking]] : []);
    const change = applyBookingVersion(ledger, event);
    if (stored && (change.outcome === 'duplicate' || change.outcome === 'stale')) {
      return { outcome: change.outcome, row: stored, jobs: [] };
    }

    const row = await storeBookingVersion(trx, workspaceId, event, locationId);
    if (!row) {
      // Another request stored this booking first (see `storeBookingVersion`).
      const winner = await findBooking(trx, workspaceId, event.id);
      if (!winner) throw new Error(`Booking ${event.id} vanished while it was stored`);
      const outcome = Number(winner.version) === event.version ? 'duplicate' : 'stale';
      return { outcome, row: winner, jobs: [] };
    }

    const jobs: SyncJobRow[] = [];
    for (const target of syncTargets(change)) {
      jobs.push(
        await createSyncJob(trx, queue, {
          workspaceId,
          locationId,
          ...target,
          current: change.current,
          backfillRun: options.backfillRun,
        }),
      );
    }
    return { outcome: change.outcome, row, jobs };
  });
}
