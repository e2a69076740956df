/**
 * A booking's timeline (`GET /v1/workspaces/:ws/bookings/:bookingId/timeline`): the stored
 * version with its problems, then every sync job of the booking (each version, each customer it
 * touched), each with the steps its journal recorded and the HighLevel calls they make
 * (`core/syncStepCalls.ts`), its attempts and, when it failed, why.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { customerKey } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import { describeSyncStep, syncStepOrder } from './core/syncStepCalls.js';
import { journalRowsOfJobs } from './journal.js';
import { bookingView, findBooking } from './ledgerStore.js';
import { bookingSyncJobs, syncJobView } from './syncJobListing.js';
import type { FailureKind, SyncJobRow } from './syncJobStore.js';

type StepRow = Awaited<ReturnType<typeof journalRowsOfJobs>>[number];

/**
 * The timeline of `bookingId`; undefined when the workspace has no such booking.
 *
 * @example const timeline = await bookingTimeline(db, workspaceId, 'bk_1');
 */
export function bookingTimeline(db: Kysely<DB>, workspaceId: string, bookingId: string) {
  // One snapshot: a job and its booking's sync state are written together, and read so.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const booking = await findBooking(trx, workspaceId, bookingId);
      if (!booking) return undefined;
      const { jobs, more } = await bookingSyncJobs(trx, workspaceId, bookingId);
      const steps = await journalRowsOfJobs(
        trx,
        jobs.map((job) => job.id),
      );
      return {
        booking: bookingView(booking),
        olderJobsLeftOut: more,
        jobs: jobs.map((job) =>
          timelineJob(
            job,
            steps.filter((step) => step.sync_job_id === job.id),
          ),
        ),
      };
    });
}

function timelineJob(job: SyncJobRow, steps: StepRow[]) {
  const current = job.current as LedgerBooking;
  return {
    ...syncJobView(job),
    failureKind: job.failure_kind as FailureKind | null,
    // A new version moved the booking to another email/phone: this job updates the former one.
    formerCustomer: customerKey(current.customer) !== job.customer_key,
    backfillRun: job.backfill_run,
    steps: [...steps].sort(stepsAsRun).map(timelineStep),
  };
}

/** In the order a job runs its steps; a key this version does not know last. */
function stepsAsRun(a: StepRow, b: StepRow): number {
  const order = (row: StepRow) => {
    const described = describeSyncStep(row.step_key);
    return described ? syncStepOrder(described.kind) : Number.MAX_SAFE_INTEGER;
  };
  return order(a) - order(b) || a.updated_at.getTime() - b.updated_at.getTime();
}

function timelineStep(row: StepRow) {
  const described = describeSyncStep(row.step_key);
  const result = (row.result ?? {}) as Record<string, unknown>;
  return {
    key: row.step_key,
    kind: described?.kind ?? null,
    action: described?.action ?? `A step this version does not know (${row.step_key})`,
    calls: described?.calls ?? [],
    status: row.status as 'started' | 'done',
    highLevelContactId: typeof result.contactId === 'string' ? result.contactId : null,
    updatedAt: row.updated_at.toISOString(),
  };
}
